package ai.kinitro.evaluator.episodes;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kinitro.evaluator.episodes.*}: what is logged and where frames go.
 *
 * @param stepLogInterval every n-th step of an episode is logged (and its last)
 * @param stepBatchSize logged steps per {@code episode_step_data} message (1-500)
 * @param imageSize side in pixels of rendered camera frames
 * @param frames S3 settings of the validator's bucket for frames and log bundles; neither is stored when no
 *     bucket is set
 */
@ConfigurationProperties("kinitro.evaluator.episodes")
public record EpisodeProperties(Integer stepLogInterval, Integer stepBatchSize, Integer imageSize, Frames frames) {
  public static final int DEFAULT_STEP_LOG_INTERVAL = 10;
  public static final int DEFAULT_STEP_BATCH_SIZE = 100;
  public static final int DEFAULT_IMAGE_SIZE = 64;

  public EpisodeProperties {
    stepLogInterval = Objects.requireNonNullElse(stepLogInterval, DEFAULT_STEP_LOG_INTERVAL);
    stepBatchSize = Objects.requireNonNullElse(stepBatchSize, DEFAULT_STEP_BATCH_SIZE);
    imageSize = Objects.requireNonNullElse(imageSize, DEFAULT_IMAGE_SIZE);
    frames = Objects.requireNonNullElse(frames, Frames.NONE);
    if (stepLogInterval < 1) {
      throw new IllegalArgumentException("kinitro.evaluator.episodes.step-log-interval must be at least 1");
    }
    if (stepBatchSize < 1 || stepBatchSize > 500) {
      throw new IllegalArgumentException("kinitro.evaluator.episodes.step-batch-size must be 1 to 500");
    }
    if (imageSize < 8 || imageSize > 1024) {
      throw new IllegalArgumentException("kinitro.evaluator.episodes.image-size must be 8 to 1024");
    }
  }

  /** Every default: no frame storage. */
  public static EpisodeProperties defaults() {
    return new EpisodeProperties(null, null, null, null);
  }

  /**
   * {@code kinitro.evaluator.episodes.frames.*}: the validator's S3 bucket for camera frames and
   * the jobs' log bundles.
   *
   * @param bucket the bucket; frames are off when blank
   * @param endpoint S3 endpoint (empty: AWS's regional endpoint)
   * @param region signing region
   * @param accessKey access key (empty: the AWS SDK's default credential chain)
   * @param secretKey secret key
   * @param pathStyle path-style addressing (needed by s3proxy, MinIO and most self-hosted stores)
   * @param keyPrefix prefix of every frame's object key (log bundles always go under {@code evaluation-logs})
   * @param createBucket create the bucket at start-up when it is missing (local mode)
   * @param logBundles store a log bundle per job outcome in the bucket (default true)
   * @param logBundleTimeout longest time one bundle upload may take, retries included (default 30 s)
   * @param publicUrlBase absolute http(s) URL under which the bucket's objects are public (a
   *     public-read bucket or a CDN): frames and bundles get {@code <base>/<key>} as URL; trailing
   *     slashes are dropped; blank: none
   * @param presignTtl when set (1 minute to 7 days) and no public base is, frames and bundles get
   *     a GET presigned with the credentials above, valid that long
   */
  public record Frames(
      String bucket, URI endpoint, String region, String accessKey, String secretKey, Boolean pathStyle, String keyPrefix,
      Boolean createBucket, Boolean logBundles, Duration logBundleTimeout, String publicUrlBase, Duration presignTtl) {
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_KEY_PREFIX = "observations";
    public static final Duration DEFAULT_LOG_BUNDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final String PUBLIC_URL_BASE_KEY = "kinitro.evaluator.episodes.frames.public-url-base";
    public static final String PRESIGN_TTL_KEY = "kinitro.evaluator.episodes.frames.presign-ttl";
    public static final Frames NONE = new Frames(null, null, null, null, null, null, null, null, null, null, null, null);

    public Frames {
      bucket = bucket == null || bucket.isBlank() ? null : bucket;
      region = region == null || region.isBlank() ? DEFAULT_REGION : region;
      pathStyle = Objects.requireNonNullElse(pathStyle, true);
      keyPrefix = keyPrefix == null ? DEFAULT_KEY_PREFIX : keyPrefix.replaceAll("^/+|/+$", "");
      createBucket = Objects.requireNonNullElse(createBucket, false);
      logBundles = Objects.requireNonNullElse(logBundles, true);
      logBundleTimeout = Objects.requireNonNullElse(logBundleTimeout, DEFAULT_LOG_BUNDLE_TIMEOUT);
      if (logBundleTimeout.compareTo(Duration.ofSeconds(1)) < 0 || logBundleTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("kinitro.evaluator.episodes.frames.log-bundle-timeout must be 1s to 10m");
      }
      publicUrlBase = publicUrlBase == null || publicUrlBase.isBlank() ? null
          : ObjectUrls.PublicBase.checkedBase(publicUrlBase, PUBLIC_URL_BASE_KEY);
      if (presignTtl != null) {
        ObjectUrls.Presigned.checkedTtl(presignTtl, PRESIGN_TTL_KEY);
      }
    }

    /** The public base URL, when one is set. */
    public Optional<URI> publicBase() {
      return Optional.ofNullable(publicUrlBase).map(URI::create);
    }

    /** The lifetime of presigned URLs, when set. */
    public Optional<Duration> presign() {
      return Optional.ofNullable(presignTtl);
    }

    public Optional<String> bucketName() {
      return Optional.ofNullable(bucket);
    }

    @Override
    public String toString() {
      return "Frames[bucket=" + bucket + ", endpoint=" + endpoint + ", region=" + region + ", pathStyle=" + pathStyle
          + ", keyPrefix=" + keyPrefix + ", createBucket=" + createBucket + ", logBundles=" + logBundles
          + ", logBundleTimeout=" + logBundleTimeout + ", publicUrlBase=" + publicUrlBase + ", presignTtl=" + presignTtl
          + ", accessKey=" + (accessKey == null ? "(default chain)" : "***") + "]";
    }
  }
}
