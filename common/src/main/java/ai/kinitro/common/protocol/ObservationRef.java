package ai.kinitro.common.protocol;

import java.net.URI;
import java.util.Optional;

/**
 * Where the image one camera saw at one step was stored.
 *
 * @param camera camera name from the benchmark spec
 * @param bucket object-store bucket
 * @param key object key inside the bucket
 * @param url a public or presigned URL, when one exists
 */
public record ObservationRef(String camera, String bucket, String key, Optional<URI> url) {
  public ObservationRef {
    Fields.token(camera, "camera");
    Fields.text(bucket, "bucket", Fields.MAX_ID_LENGTH);
    Fields.text(key, "key", 1024);
    url = Fields.optional(url);
  }
}
