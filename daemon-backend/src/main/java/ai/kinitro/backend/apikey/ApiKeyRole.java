package ai.kinitro.backend.apikey;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an API key may do: {@code admin} (admin API, may also act as validator), {@code validator} (the validator channel), {@code viewer} (nothing beyond public reads). */
public enum ApiKeyRole {
  ADMIN,
  VALIDATOR,
  VIEWER;

  /** The lower-case name used in JSON, the CLI and the database. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a role name case-insensitively; anything else is INVALID_ARGUMENT listing the roles. */
  @JsonCreator
  public static ApiKeyRole parse(String text) {
    if (text != null) {
      for (ApiKeyRole role : values()) {
        if (role.wireName().equalsIgnoreCase(text.trim())) {
          return role;
        }
      }
    }
    throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "Unknown role '" + text + "'; use one of "
        + Arrays.stream(values()).map(ApiKeyRole::wireName).collect(Collectors.joining(", ")));
  }

  /** Whether a key with this role may register on the validator channel. */
  public boolean mayValidate() {
    return this == ADMIN || this == VALIDATOR;
  }
}
