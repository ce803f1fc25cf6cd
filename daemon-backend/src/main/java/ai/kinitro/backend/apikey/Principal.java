package ai.kinitro.backend.apikey;

import java.util.Objects;

/** Who made an authenticated request: the key's id, name and role (never the secret). */
public record Principal(long apiKeyId, String name, ApiKeyRole role, String associatedHotkey) {
  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }

  static Principal of(ApiKey key) {
    return new Principal(key.id(), key.name(), key.role(), key.associatedHotkey());
  }
}
