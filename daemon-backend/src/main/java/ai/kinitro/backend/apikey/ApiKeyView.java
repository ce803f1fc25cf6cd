package ai.kinitro.backend.apikey;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** An API key as the admin API shows it: metadata only; {@code apiKey} (the secret) is present once, in the answer to create. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(
    @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
    String name,
    String description,
    String keyPrefix,
    ApiKeyRole role,
    String associatedHotkey,
    boolean active,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant createdAt,
    Instant updatedAt,
    String apiKey) {
  static ApiKeyView of(ApiKey key) {
    return new ApiKeyView(key.id(), key.name(), key.description(), key.keyPrefix(), key.role(), key.associatedHotkey(), key.active(),
        key.expiresAt(), key.lastUsedAt(), key.createdAt(), key.updatedAt(), null);
  }

  static ApiKeyView withSecret(CreatedApiKey created) {
    ApiKey key = created.key();
    return new ApiKeyView(key.id(), key.name(), key.description(), key.keyPrefix(), key.role(), key.associatedHotkey(), key.active(),
        key.expiresAt(), key.lastUsedAt(), key.createdAt(), key.updatedAt(), created.secret());
  }

  @Override
  public String toString() {
    return "ApiKeyView[id=" + id + ", name=" + name + ", role=" + role + (apiKey == null ? "" : ", apiKey=***") + "]";
  }
}
