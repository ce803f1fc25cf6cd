package ai.kinitro.evaluator.episodes;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.ObservationRef;
import ai.kinitro.common.protocol.validator.LogArtifact;
import ai.kinitro.evaluator.logs.LogBundleStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The evaluator's files in one S3 bucket (AWS or any S3-compatible store, path-style by default),
 * through one client: camera frames under the configured key prefix ({@link FrameStore}) and log
 * bundles under the key they are given, which starts with {@code evaluation-logs} ({@link
 * LogBundleStore}). A bundle upload, retries included, ends within {@code bundleTimeout}. Every
 * stored object's reference carries the URL {@link ObjectUrls} gives its key (none, a public one or
 * a presigned GET).
 */
public final class S3EvaluationStore implements FrameStore, LogBundleStore, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(S3EvaluationStore.class);

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final Duration bundleTimeout;
  private final InstantSource clock;
  private final ObjectUrls urls;

  public S3EvaluationStore(S3Client s3, String bucket, String prefix, Duration bundleTimeout, InstantSource clock,
      ObjectUrls urls) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.bundleTimeout = Objects.requireNonNull(bundleTimeout, "bundleTimeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.urls = Objects.requireNonNull(urls, "urls");
  }

  /** A store for the configured bucket, or empty when no bucket is set. */
  public static Optional<S3EvaluationStore> create(EpisodeProperties.Frames frames, InstantSource clock) {
    if (frames.bucketName().isEmpty()) {
      return Optional.empty();
    }
    S3ClientBuilder builder = S3Client.builder()
        .region(Region.of(frames.region()))
        .forcePathStyle(frames.pathStyle())
        .credentialsProvider(credentials(frames));
    if (frames.endpoint() != null) {
      builder.endpointOverride(frames.endpoint());
    }
    S3EvaluationStore store = new S3EvaluationStore(builder.build(), frames.bucket(), frames.keyPrefix(),
        frames.logBundleTimeout(), clock, urls(frames));
    store.checkBucket(frames.createBucket());
    return Optional.of(store);
  }

  /**
   * How stored objects get their URL: the public base when one is set, else presigned GETs when a
   * lifetime is set (signed with the same region, endpoint, addressing and credentials as the
   * uploads), else none.
   */
  static ObjectUrls urls(EpisodeProperties.Frames frames) {
    if (frames.publicBase().isPresent()) {
      if (frames.presign().isPresent()) {
        LOG.warn("Both {} and {} are set: frames and log bundles get public URLs, nothing is presigned",
            EpisodeProperties.Frames.PUBLIC_URL_BASE_KEY, EpisodeProperties.Frames.PRESIGN_TTL_KEY);
      }
      LOG.info("Frames and log bundles get public URLs under {}", frames.publicBase().get());
      return new ObjectUrls.PublicBase(frames.publicBase().get());
    }
    if (frames.presign().isPresent()) {
      S3Presigner.Builder presigner = S3Presigner.builder()
          .region(Region.of(frames.region()))
          .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(frames.pathStyle()).build())
          .credentialsProvider(credentials(frames));
      if (frames.endpoint() != null) {
        presigner.endpointOverride(frames.endpoint());
      }
      LOG.info("Frames and log bundles get GET URLs presigned for {}", frames.presign().get());
      return new ObjectUrls.Presigned(presigner.build(), frames.bucket(), frames.presign().get());
    }
    LOG.info("Frames and log bundles get no URL (set {} or {} if spectators should reach them outside the backend's "
        + "vault bucket)", EpisodeProperties.Frames.PUBLIC_URL_BASE_KEY, EpisodeProperties.Frames.PRESIGN_TTL_KEY);
    return ObjectUrls.none();
  }

  private static AwsCredentialsProvider credentials(EpisodeProperties.Frames frames) {
    return frames.accessKey() == null || frames.accessKey().isBlank()
        ? DefaultCredentialsProvider.builder().build()
        : StaticCredentialsProvider.create(AwsBasicCredentials.create(frames.accessKey(), frames.secretKey()));
  }

  /** How references get their URL. */
  public ObjectUrls urls() {
    return urls;
  }

  /** Logs whether the bucket is reachable (creating it if asked); never fails start-up. */
  void checkBucket(boolean create) {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      if (create) {
        s3.createBucket(b -> b.bucket(bucket));
        LOG.info("Created bucket {} for frames and log bundles", bucket);
      } else {
        LOG.warn("Bucket {} does not exist; frames and log bundles will not be stored until it is created", bucket);
      }
    } catch (SdkException e) {
      LOG.warn("Bucket {} is not reachable now ({}); every frame and log bundle upload tries again", bucket,
          e.getMessage());
    }
  }

  @Override
  public ObservationRef put(String key, String camera, byte[] png) {
    String fullKey = prefix.isEmpty() ? key : prefix + "/" + key;
    try {
      s3.putObject(b -> b.bucket(bucket).key(fullKey).contentType("image/png"), RequestBody.fromBytes(png));
      return new ObservationRef(camera, bucket, fullKey, urls.of(fullKey));
    } catch (SdkException e) {
      throw new KinitroException(ErrorCode.FRAME_UPLOAD_FAILED,
          "Could not store frame " + fullKey + " in bucket " + bucket + ": " + e.getMessage(), e);
    }
  }

  @Override
  public LogArtifact put(String key, byte[] json) {
    try {
      s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json")
          .overrideConfiguration(o -> o.apiCallTimeout(bundleTimeout)), RequestBody.fromBytes(json));
      return new LogArtifact(bucket, key, clock.instant(), urls.of(key));
    } catch (SdkException e) {
      throw new KinitroException(ErrorCode.LOG_BUNDLE_UPLOAD_FAILED, "Could not store log bundle " + key + " in bucket "
          + bucket + ": " + e.getMessage() + ". Check that the bucket exists, is reachable and the evaluator may write to "
          + "it (kinitro.evaluator.episodes.frames.*); an upload gives up after log-bundle-timeout (" + bundleTimeout + ")", e);
    }
  }

  @Override
  public void close() {
    urls.close();
    s3.close();
  }
}
