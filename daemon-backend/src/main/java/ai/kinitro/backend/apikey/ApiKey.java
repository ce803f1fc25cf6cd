package ai.kinitro.backend.apikey;

import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code api_keys}. The secret itself is never stored: {@code keyHash} is its SHA-256 (lower
 * hex) and {@code keyPrefix} its first characters, for recognising a key in listings.
 */
@Table("api_keys")
public record ApiKey(
    @Id long id,
    String name,
    String description,
    String keyHash,
    String keyPrefix,
    ApiKeyRole role,
    String associatedHotkey,
    boolean active,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant createdAt,
    Instant updatedAt) {
  public ApiKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyHash, "keyHash");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** Active and not expired at {@code now}. */
  public boolean usableAt(Instant now) {
    return active && (expiresAt == null || expiresAt.isAfter(now));
  }

  public ApiKey withActive(boolean value, Instant at) {
    return new ApiKey(id, name, description, keyHash, keyPrefix, role, associatedHotkey, value, expiresAt, lastUsedAt, createdAt, at);
  }
}
