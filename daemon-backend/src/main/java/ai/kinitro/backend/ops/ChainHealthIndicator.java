package ai.kinitro.backend.ops;

import ai.kinitro.backend.chain.ChainConfig;
import ai.kinitro.backend.chain.ChainMonitor;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The chain monitor ({@code /actuator/health} component {@code chain}). DOWN after
 * {@code kinitro.health.chain-failures} consecutive failed cycles, or when no cycle succeeded for
 * {@code chain-stale-intervals} poll intervals (counted from the start of the first cycle before the
 * first success, so a slow application start does not count; not checked when the loop is
 * disabled). UP otherwise — with a {@code warning} when no chain endpoint is
 * configured, since such a backend receives no submissions.
 */
public final class ChainHealthIndicator implements HealthIndicator {
  static final String STATIC = "static: no chain configured";
  static final String NO_CHAIN_WARNING = "kinitro.chain.endpoint is not set: no commitment is read, so no miner "
      + "submission will arrive";

  private final ChainConfig config;
  private final Supplier<ChainMonitor.Status> status;
  private final HealthProperties settings;
  private final InstantSource clock;

  public ChainHealthIndicator(ChainConfig config, Supplier<ChainMonitor.Status> status, HealthProperties settings,
      InstantSource clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.status = Objects.requireNonNull(status, "status");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Health health() {
    ChainMonitor.Status s = status.get();
    boolean loopEnabled = config.pollInterval().isPositive();
    Optional<Instant> reference = s.lastSuccess().or(s::started);
    String reason = null;
    if (s.consecutiveFailures() >= settings.chainFailures()) {
      reason = s.consecutiveFailures() + " consecutive chain scans failed";
    } else if (loopEnabled && reference.isPresent()) {
      Duration silent = Duration.between(reference.get(), clock.instant());
      if (silent.compareTo(config.pollInterval().multipliedBy(settings.chainStaleIntervals())) > 0) {
        reason = "no successful chain scan for " + silent.withNanos(0)
            + (s.lastSuccess().isEmpty() ? " since the first cycle began" : "") + " (poll interval " + config.pollInterval()
            + ")";
      }
    }
    Health.Builder b = reason == null ? Health.up() : Health.down().withDetail("reason", reason);
    b.withDetail("endpoint", config.endpoint() == null ? STATIC : Endpoints.redacted(config.endpoint()))
        .withDetail("netuid", config.netuid())
        .withDetail("pollInterval", loopEnabled ? config.pollInterval().toString() : "disabled")
        .withDetail("consecutiveFailures", s.consecutiveFailures());
    s.lastSuccess().ifPresent(t -> b.withDetail("lastScan", t.toString()));
    s.lastBlock().ifPresent(n -> b.withDetail("lastBlock", n));
    s.lastFailure().ifPresent(t -> b.withDetail("lastFailure", t.toString()));
    s.lastError().ifPresent(e -> b.withDetail("lastError", config.endpoint() == null ? e
        : e.replace(config.endpoint().toString(), Endpoints.redacted(config.endpoint()))));
    if (config.endpoint() == null) {
      b.withDetail("warning", NO_CHAIN_WARNING);
    }
    return b.build();
  }
}
