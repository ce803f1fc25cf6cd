package ai.kinitro.backend.apikey;

import ai.kinitro.backend.web.TextLimits;
import java.time.Instant;
import java.util.Objects;

/** What an admin asks for when creating a key. */
public record NewApiKey(String name, String description, ApiKeyRole role, String associatedHotkey, Instant expiresAt) {
  public NewApiKey {
    name = TextLimits.requireText(name, "name", TextLimits.API_KEY_NAME);
    description = TextLimits.optionalText(description, "description", TextLimits.DESCRIPTION);
    Objects.requireNonNull(role, "role");
    associatedHotkey = TextLimits.optionalText(associatedHotkey, "associated_hotkey", TextLimits.HOTKEY);
  }
}
