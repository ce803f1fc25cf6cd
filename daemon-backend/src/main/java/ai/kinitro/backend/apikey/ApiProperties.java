package ai.kinitro.backend.apikey;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kinitro.api.*}: REST API settings.
 *
 * @param lastUsedResolution how stale {@code api_keys.last_used_at} may be; a key's row is written
 *     at most once per this interval (default {@value #DEFAULT_LAST_USED_RESOLUTION})
 * @param corsAllowedOrigins origins allowed to call the API from a browser (default {@code *})
 */
@Validated
@ConfigurationProperties("kinitro.api")
public record ApiProperties(
    @DefaultValue(DEFAULT_LAST_USED_RESOLUTION) @NotNull Duration lastUsedResolution,
    @DefaultValue("*") @NotNull List<String> corsAllowedOrigins) {
  public static final String DEFAULT_LAST_USED_RESOLUTION = "1m";

  public ApiProperties {
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
  }
}
