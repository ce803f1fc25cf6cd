package ai.kinitro.backend.vault;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The vault's operations. Every failure of the store becomes {@link ErrorCode#VAULT_UNAVAILABLE};
 * a missing or different object becomes the artifact codes.
 */
public class VaultService {
  public static final String ARCHIVE_CONTENT_TYPE = "application/gzip";
  private static final Logger LOG = LoggerFactory.getLogger(VaultService.class);
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final HexFormat HEX = HexFormat.of();

  private final VaultConfig config;
  private final S3Client s3;
  private final S3Presigner presigner;
  private final Clock clock;

  public VaultService(VaultConfig config, S3Client s3, S3Presigner presigner, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.presigner = Objects.requireNonNull(presigner, "presigner");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public VaultConfig config() {
    return config;
  }

  /**
   * One {@code HeadBucket} (the cheapest authenticated request): returns when the bucket exists
   * and the credentials may use it; throws {@link ErrorCode#VAULT_UNAVAILABLE} saying why not.
   */
  public void checkBucket() {
    try {
      s3.headBucket(b -> b.bucket(config.bucket()));
    } catch (SdkException e) {
      throw unavailable("reach bucket " + config.bucket(), e);
    }
  }

  /** Creates the bucket if it does not exist (local and test setups). */
  public void ensureBucket() {
    try {
      s3.headBucket(b -> b.bucket(config.bucket()));
    } catch (NoSuchKeyException | software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
      create();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        create();
      } else {
        throw unavailable("check bucket " + config.bucket(), e);
      }
    } catch (SdkException e) {
      throw unavailable("check bucket " + config.bucket(), e);
    }
  }

  private void create() {
    try {
      s3.createBucket(b -> b.bucket(config.bucket()));
      LOG.info("Created vault bucket {}", config.bucket());
    } catch (SdkException e) {
      throw unavailable("create bucket " + config.bucket(), e);
    }
  }

  /**
   * A presigned PUT for an archive. The signature covers {@code Content-Type}, {@code
   * Content-Length} and {@code x-amz-checksum-sha256}: a body of another length or another hash is
   * refused by the store, and so is a request that changes those headers.
   */
  public PresignedUrl presignUpload(String key, String sha256Hex, long sizeBytes, Duration ttl) {
    requireSha(sha256Hex);
    if (sizeBytes <= 0) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "size must be positive, got " + sizeBytes);
    }
    String checksum = base64Sha256(sha256Hex);
    try {
      PresignedPutObjectRequest presigned = presigner.presignPutObject(p -> p
          .signatureDuration(ttl)
          .putObjectRequest(r -> r.bucket(config.bucket()).key(key)
              .contentType(ARCHIVE_CONTENT_TYPE)
              .contentLength(sizeBytes)
              .checksumSHA256(checksum)));
      return new PresignedUrl("PUT", presigned.url().toURI(), presigned.expiration(), headersToSend(presigned.signedHeaders()));
    } catch (SdkException | java.net.URISyntaxException e) {
      throw unavailable("presign an upload of " + key, e);
    }
  }

  /** A presigned GET of an object, valid for {@code ttl}. */
  public PresignedUrl presignDownload(String key, Duration ttl) {
    try {
      PresignedGetObjectRequest presigned = presigner.presignGetObject(p -> p
          .signatureDuration(ttl)
          .getObjectRequest(r -> r.bucket(config.bucket()).key(key)));
      return new PresignedUrl("GET", presigned.url().toURI(), presigned.expiration(), Map.of());
    } catch (SdkException | java.net.URISyntaxException e) {
      throw unavailable("presign a download of " + key, e);
    }
  }

  /** HEAD of an object with its stored checksum, or empty if it does not exist. */
  public Optional<StoredObject> head(String key) {
    try {
      HeadObjectResponse head = s3.headObject(h -> h.bucket(config.bucket()).key(key).checksumMode(ChecksumMode.ENABLED));
      Optional<String> sha = Optional.ofNullable(head.checksumSHA256())
          .filter(c -> !c.isBlank() && !c.contains("-"))
          .flatMap(VaultService::hexFromBase64);
      Instant modified = head.lastModified() != null ? head.lastModified() : clock.instant();
      return Optional.of(new StoredObject(key, head.contentLength(), sha, modified));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw unavailable("read the metadata of " + key, e);
    } catch (SdkException e) {
      throw unavailable("read the metadata of " + key, e);
    }
  }

  /** SHA-256 (lower-case hex) of the stored bytes, read in full. */
  public String rehash(String key) {
    try (InputStream in = s3.getObject(g -> g.bucket(config.bucket()).key(key))) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HEX.formatHex(digest.digest());
    } catch (NoSuchKeyException e) {
      throw new KinitroException(ErrorCode.ARTIFACT_MISSING, "the archive " + key + " is not in the vault");
    } catch (IOException | SdkException e) {
      throw unavailable("read " + key, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checks the stored object against the declared hash and size: it must exist, have exactly the
   * declared size, and a SHA-256 equal to the declared one — the store's verified checksum when it
   * reports one, else a re-hash of the bytes (up to {@link VaultConfig#rehashMaxBytes()}).
   */
  public StoredObject verify(String key, String sha256Hex, long sizeBytes) {
    requireSha(sha256Hex);
    StoredObject stored = head(key).orElseThrow(() -> new KinitroException(ErrorCode.ARTIFACT_MISSING,
        "the archive " + key + " is not in the vault: upload it with the presigned PUT before committing"));
    if (stored.sizeBytes() != sizeBytes) {
      throw new KinitroException(ErrorCode.ARTIFACT_SIZE_MISMATCH, "the stored archive " + key + " has "
          + stored.sizeBytes() + " bytes but " + sizeBytes + " were declared");
    }
    String actual;
    if (stored.sha256Hex().isPresent()) {
      actual = stored.sha256Hex().get();
    } else if (sizeBytes <= config.rehashMaxBytes()) {
      actual = rehash(key);
    } else {
      throw new KinitroException(ErrorCode.ARTIFACT_HASH_MISMATCH, "the store reports no SHA-256 for " + key
          + " and it is too large to re-hash (" + sizeBytes + " > " + config.rehashMaxBytes() + " bytes)");
    }
    if (!actual.equals(sha256Hex)) {
      throw new KinitroException(ErrorCode.ARTIFACT_HASH_MISMATCH, "the stored archive " + key + " has SHA-256 "
          + actual + " but " + sha256Hex + " was declared");
    }
    return stored;
  }

  /** Deletes an object (for example an upload whose content was refused). */
  public void delete(String key) {
    try {
      s3.deleteObject(d -> d.bucket(config.bucket()).key(key));
    } catch (SdkException e) {
      throw unavailable("delete " + key, e);
    }
  }

  /** The base64 form S3 uses in {@code x-amz-checksum-sha256} for a lower-case hex SHA-256. */
  public static String base64Sha256(String sha256Hex) {
    requireSha(sha256Hex);
    return Base64.getEncoder().encodeToString(HEX.parseHex(sha256Hex));
  }

  static Optional<String> hexFromBase64(String base64) {
    try {
      byte[] bytes = Base64.getDecoder().decode(base64);
      return bytes.length == 32 ? Optional.of(HEX.formatHex(bytes)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void requireSha(String sha256Hex) {
    if (sha256Hex == null || !SHA256_HEX.matcher(sha256Hex).matches()) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "a SHA-256 must be 64 lower-case hex digits");
    }
  }

  /** The signed headers the client must send, with their canonical names; Host is set by any client. */
  private static Map<String, String> headersToSend(Map<String, List<String>> signed) {
    Map<String, String> out = new LinkedHashMap<>();
    signed.forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host")) {
        out.put(canonicalName(name), String.join(",", values));
      }
    });
    return out;
  }

  private static String canonicalName(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "content-type" -> "Content-Type";
      case "content-length" -> "Content-Length";
      default -> name.toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static KinitroException unavailable(String what, Exception e) {
    String detail = e instanceof S3Exception s3e && s3e.awsErrorDetails() != null
        ? s3e.statusCode() + " " + s3e.awsErrorDetails().errorCode()
        : e.getClass().getSimpleName();
    return new KinitroException(ErrorCode.VAULT_UNAVAILABLE, "the vault could not " + what + " (" + detail + ")", e);
  }
}
