package ai.kinitro.backend.apikey;

import java.util.Objects;

/** A newly created key with its secret, which is shown once and never stored. */
public record CreatedApiKey(ApiKey key, String secret) {
  public CreatedApiKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(secret, "secret");
  }

  @Override
  public String toString() {
    return "CreatedApiKey[key=" + key + ", secret=***]";
  }
}
