package ai.kinitro.backend.ops;

import ai.kinitro.backend.vault.VaultConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The vault ({@code /actuator/health} component {@code vault}). With credentials: one probe
 * ({@code HeadBucket}) at most every {@code kinitro.health.vault-probe-interval}, its result cached
 * in between; DOWN when the last probe failed. Without credentials: UP with {@code configured:
 * false} and a warning (a development backend runs without a vault).
 */
public final class VaultHealthIndicator implements HealthIndicator {
  static final String NOT_CONFIGURED_WARNING = "kinitro.vault.access-key and secret-key are not set: miners cannot "
      + "upload archives and no frame or log URL is signed";

  /** One check of the bucket; throws when the bucket cannot be used. A port for tests. */
  @FunctionalInterface
  public interface Probe {
    void check();
  }

  private record Outcome(Instant at, Optional<String> error) {}

  private final VaultConfig config;
  private final Probe probe;
  private final Duration interval;
  private final InstantSource clock;
  private Outcome last;

  public VaultHealthIndicator(VaultConfig config, Probe probe, Duration interval, InstantSource clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.probe = Objects.requireNonNull(probe, "probe");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Health health() {
    if (!config.configured()) {
      return details(Health.up()).withDetail("configured", false).withDetail("warning", NOT_CONFIGURED_WARNING).build();
    }
    Outcome o = outcome();
    Health.Builder b = o.error().isPresent() ? Health.down() : Health.up();
    details(b).withDetail("configured", true).withDetail("lastProbe", o.at().toString());
    o.error().ifPresent(e -> b.withDetail("error", e));
    return b.build();
  }

  private synchronized Outcome outcome() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(last.at().plus(interval))) {
      Optional<String> error;
      try {
        probe.check();
        error = Optional.empty();
      } catch (RuntimeException e) {
        error = Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      }
      last = new Outcome(now, error);
    }
    return last;
  }

  private Health.Builder details(Health.Builder b) {
    return b.withDetail("bucket", config.bucket())
        .withDetail("endpoint", config.endpoint() == null ? "AWS (region " + config.region() + ")"
            : Endpoints.redacted(config.endpoint()));
  }
}
