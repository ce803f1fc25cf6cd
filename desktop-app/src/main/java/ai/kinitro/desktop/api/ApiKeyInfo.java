package ai.kinitro.desktop.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An API key's metadata. {@code secret} is present only in the answer to create: the backend keeps
 * only a hash, so it can never be shown again. {@link #toString()} never shows it.
 */
public record ApiKeyInfo(
    String id,
    String name,
    String description,
    String keyPrefix,
    String role,
    Optional<String> associatedHotkey,
    boolean active,
    Optional<Instant> expiresAt,
    Optional<Instant> lastUsedAt,
    Optional<Instant> createdAt,
    Optional<String> secret) {
  public ApiKeyInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    description = Nulls.text(description);
    keyPrefix = Nulls.text(keyPrefix);
    role = Nulls.text(role);
    associatedHotkey = Nulls.opt(associatedHotkey);
    expiresAt = Nulls.opt(expiresAt);
    lastUsedAt = Nulls.opt(lastUsedAt);
    createdAt = Nulls.opt(createdAt);
    secret = Nulls.opt(secret);
  }

  @Override
  public String toString() {
    return "ApiKeyInfo[id=" + id + ", name=" + name + ", role=" + role + ", active=" + active
        + (secret.isPresent() ? ", secret=***" : "") + "]";
  }
}
