package ai.kinitro.validator.ops;

import ai.kinitro.validator.link.BackendLink;
import ai.kinitro.validator.link.LinkState;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP while registered with the backend, and while reconnecting for less than the grace period
 * (short outages are normal and nothing is lost: jobs and results wait in the database); DOWN once
 * the backend has been unreachable for longer.
 */
public final class LinkHealthIndicator implements HealthIndicator {
  /** How long the link may be down before the health turns DOWN. */
  public static final Duration GRACE = Duration.ofMinutes(5);

  private final BackendLink link;
  private final InstantSource clock;

  public LinkHealthIndicator(BackendLink link, InstantSource clock) {
    this.link = Objects.requireNonNull(link, "link");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Health health() {
    LinkState s = link.state();
    Duration inState = Duration.between(s.since(), clock.instant());
    boolean up = s.status() == LinkState.Status.REGISTERED || inState.compareTo(GRACE) < 0;
    Health.Builder b = up ? Health.up() : Health.down();
    b.withDetail("status", s.status().name()).withDetail("since", s.since().toString()).withDetail("reconnects", s.reconnects());
    s.connectionId().ifPresent(id -> b.withDetail("connectionId", id));
    s.lastError().ifPresent(e -> b.withDetail("lastError", e));
    return b.build();
  }
}
