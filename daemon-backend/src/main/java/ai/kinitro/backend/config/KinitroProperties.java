package ai.kinitro.backend.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Top-level {@code kinitro.*} settings shared by subsystems.
 *
 * @param stateDir directory for local state such as the embedded database (default {@value #DEFAULT_STATE_DIR})
 */
@Validated
@ConfigurationProperties("kinitro")
public record KinitroProperties(@DefaultValue(DEFAULT_STATE_DIR) @NotNull Path stateDir) {
  public static final String DEFAULT_STATE_DIR = "./.kinitro/backend";
}
