package ai.kinitro.evaluator.episodes;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.ObservationRef;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** Frames in an S3 bucket (AWS or any S3-compatible store, path-style by default). */
public final class S3FrameStore implements FrameStore, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(S3FrameStore.class);

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  public S3FrameStore(S3Client s3, String bucket, String prefix) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
  }

  /** A store for the configured bucket, or empty when frames are off. */
  public static Optional<S3FrameStore> create(EpisodeProperties.Frames frames) {
    if (frames.bucketName().isEmpty()) {
      return Optional.empty();
    }
    S3ClientBuilder builder = S3Client.builder()
        .region(Region.of(frames.region()))
        .forcePathStyle(frames.pathStyle())
        .credentialsProvider(frames.accessKey() == null || frames.accessKey().isBlank()
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(AwsBasicCredentials.create(frames.accessKey(), frames.secretKey())));
    if (frames.endpoint() != null) {
      builder.endpointOverride(frames.endpoint());
    }
    S3FrameStore store = new S3FrameStore(builder.build(), frames.bucket(), frames.keyPrefix());
    store.checkBucket(frames.createBucket());
    return Optional.of(store);
  }

  /** Logs whether the bucket is reachable (creating it if asked); never fails start-up. */
  void checkBucket(boolean create) {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      if (create) {
        s3.createBucket(b -> b.bucket(bucket));
        LOG.info("Created frame bucket {}", bucket);
      } else {
        LOG.warn("Frame bucket {} does not exist; frames will not be stored until it is created", bucket);
      }
    } catch (SdkException e) {
      LOG.warn("Frame bucket {} is not reachable now ({}); uploads will be retried per frame", bucket, e.getMessage());
    }
  }

  @Override
  public ObservationRef put(String key, String camera, byte[] png) {
    String fullKey = prefix.isEmpty() ? key : prefix + "/" + key;
    try {
      s3.putObject(b -> b.bucket(bucket).key(fullKey).contentType("image/png"), RequestBody.fromBytes(png));
      return new ObservationRef(camera, bucket, fullKey, Optional.empty());
    } catch (SdkException e) {
      throw new KinitroException(ErrorCode.FRAME_UPLOAD_FAILED,
          "Could not store frame " + fullKey + " in bucket " + bucket + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    s3.close();
  }
}
