package ai.kinitro.backend.ids;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kinitro.ids.*}: the instance id written into every generated id. Every backend instance
 * sharing one database needs its own value.
 *
 * @param instanceId 0..1023 (default {@value #DEFAULT_INSTANCE_ID})
 */
@Validated
@ConfigurationProperties("kinitro.ids")
public record IdsProperties(@DefaultValue("" + DEFAULT_INSTANCE_ID) @Min(0) @Max(IdGenerator.MAX_INSTANCE_ID) int instanceId) {
  public static final int DEFAULT_INSTANCE_ID = 1;
}
