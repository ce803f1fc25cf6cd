package ai.kinitro.backend.vault;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a HEAD of a vault object tells.
 *
 * @param key the object key
 * @param sizeBytes the stored length
 * @param sha256Hex the SHA-256 the store verified on upload (lower-case hex), when it reports one
 * @param lastModified when it was stored
 */
public record StoredObject(String key, long sizeBytes, Optional<String> sha256Hex, Instant lastModified) {
  public StoredObject {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(sha256Hex, "sha256Hex");
    Objects.requireNonNull(lastModified, "lastModified");
  }
}
