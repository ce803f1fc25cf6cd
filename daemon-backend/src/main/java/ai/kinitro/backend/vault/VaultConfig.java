package ai.kinitro.backend.vault;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the vault is and how long its URLs live ({@code kinitro.vault.*}).
 *
 * @param endpoint the S3 endpoint (s3proxy, MinIO, R2, AWS); absent for AWS's default endpoints
 * @param region the signing region
 * @param bucket the private bucket holding submission archives
 * @param accessKey the access key id
 * @param secretKey the secret access key (never printed)
 * @param pathStyle path-style addressing ({@code endpoint/bucket/key}), needed by s3proxy and MinIO
 * @param createBucket create the bucket at start-up if it is missing (local and test setups)
 * @param uploadUrlTtl how long a miner's presigned PUT works
 * @param validatorUrlTtl how long a validator's presigned GET works during the hold-out
 * @param releaseUrlTtl how long a published release URL works
 * @param releaseRenewBefore a release URL is renewed when it expires within this
 * @param releaseScanInterval how often the release loop runs
 * @param rehashMaxBytes objects up to this size are re-hashed by the backend when the store gives
 *     no checksum
 */
@ConfigurationProperties("kinitro.vault")
public record VaultConfig(
    URI endpoint,
    String region,
    String bucket,
    String accessKey,
    String secretKey,
    Boolean pathStyle,
    Boolean createBucket,
    Duration uploadUrlTtl,
    Duration validatorUrlTtl,
    Duration releaseUrlTtl,
    Duration releaseRenewBefore,
    Duration releaseScanInterval,
    Long rehashMaxBytes) {
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_BUCKET = "kinitro-vault";
  public static final Duration DEFAULT_UPLOAD_URL_TTL = Duration.ofMinutes(10);
  public static final Duration DEFAULT_VALIDATOR_URL_TTL = Duration.ofHours(6);
  /** SigV4 presigned URLs cannot live longer than seven days. */
  public static final Duration MAX_URL_TTL = Duration.ofDays(7);
  public static final Duration DEFAULT_RELEASE_URL_TTL = Duration.ofDays(7);
  public static final Duration DEFAULT_RELEASE_RENEW_BEFORE = Duration.ofDays(1);
  public static final Duration DEFAULT_RELEASE_SCAN_INTERVAL = Duration.ofMinutes(5);
  public static final long DEFAULT_REHASH_MAX_BYTES = 2L << 30;

  public VaultConfig {
    region = region == null || region.isBlank() ? DEFAULT_REGION : region;
    bucket = bucket == null || bucket.isBlank() ? DEFAULT_BUCKET : bucket;
    pathStyle = pathStyle == null ? Boolean.TRUE : pathStyle;
    createBucket = createBucket == null ? Boolean.FALSE : createBucket;
    uploadUrlTtl = ttl(uploadUrlTtl, DEFAULT_UPLOAD_URL_TTL, "upload-url-ttl");
    validatorUrlTtl = ttl(validatorUrlTtl, DEFAULT_VALIDATOR_URL_TTL, "validator-url-ttl");
    releaseUrlTtl = ttl(releaseUrlTtl, DEFAULT_RELEASE_URL_TTL, "release-url-ttl");
    releaseRenewBefore = positive(releaseRenewBefore, DEFAULT_RELEASE_RENEW_BEFORE, "release-renew-before");
    releaseScanInterval = positive(releaseScanInterval, DEFAULT_RELEASE_SCAN_INTERVAL, "release-scan-interval");
    if (releaseRenewBefore.compareTo(releaseUrlTtl) >= 0) {
      throw new IllegalArgumentException("kinitro.vault.release-renew-before (" + releaseRenewBefore
          + ") must be shorter than kinitro.vault.release-url-ttl (" + releaseUrlTtl + ")");
    }
    rehashMaxBytes = rehashMaxBytes == null ? DEFAULT_REHASH_MAX_BYTES : rehashMaxBytes;
    if (rehashMaxBytes < 0) {
      throw new IllegalArgumentException("kinitro.vault.rehash-max-bytes must not be negative");
    }
  }

  /** True when credentials are configured (the vault is usable). */
  public boolean configured() {
    return accessKey != null && !accessKey.isBlank() && secretKey != null && !secretKey.isBlank();
  }

  private static Duration ttl(Duration value, Duration fallback, String name) {
    Duration d = positive(value, fallback, name);
    if (d.compareTo(MAX_URL_TTL) > 0) {
      throw new IllegalArgumentException("kinitro.vault." + name + " must be at most 7 days (S3 presigned URL limit), got " + d);
    }
    return d;
  }

  static Duration positive(Duration value, Duration fallback, String name) {
    Duration d = value == null ? fallback : value;
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("kinitro.vault." + name + " must be positive, got " + d);
    }
    return d;
  }

  @Override
  public String toString() {
    return "VaultConfig[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", accessKey=" + accessKey
        + ", secretKey=<redacted>, pathStyle=" + pathStyle + ", createBucket=" + createBucket + ", uploadUrlTtl="
        + uploadUrlTtl + ", validatorUrlTtl=" + validatorUrlTtl + ", releaseUrlTtl=" + releaseUrlTtl
        + ", releaseRenewBefore=" + releaseRenewBefore + ", releaseScanInterval=" + releaseScanInterval
        + ", rehashMaxBytes=" + rehashMaxBytes + "]";
  }
}
