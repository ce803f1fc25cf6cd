package ai.kinitro.backend.job;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kinitro.jobs.*}.
 *
 * @param seedSecret secret from which task seeds are derived (with the job id), so miners cannot
 *     predict them. Every backend instance of a deployment needs the same value. Empty: a random
 *     secret is created once in {@code <state-dir>/task-seed.secret} (fine for one instance).
 * @param assignmentDeadline time a validator has, from delivery, to report a terminal outcome
 *     (default {@value #DEFAULT_ASSIGNMENT_DEADLINE})
 * @param maxAttempts deliveries of one assignment before a platform fault becomes final (default
 *     {@value #DEFAULT_MAX_ATTEMPTS})
 */
@Validated
@ConfigurationProperties("kinitro.jobs")
public record JobsProperties(
    @DefaultValue("") String seedSecret,
    @DefaultValue(DEFAULT_ASSIGNMENT_DEADLINE) @NotNull Duration assignmentDeadline,
    @DefaultValue("" + DEFAULT_MAX_ATTEMPTS) int maxAttempts) {
  public static final String DEFAULT_ASSIGNMENT_DEADLINE = "2h";
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  @Override
  public String toString() {
    return "JobsProperties[seedSecret=" + (seedSecret == null || seedSecret.isEmpty() ? "" : "***") + ", assignmentDeadline="
        + assignmentDeadline + ", maxAttempts=" + maxAttempts + "]";
  }
}
