package ai.kinitro.validator.ops;

import ai.kinitro.queue.notify.PgWakeups;
import ai.kinitro.validator.queueing.QueueSampler;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** DOWN when the database does not answer; reports the wake-up listener and the latest queue sample. */
public final class DatabaseHealthIndicator implements HealthIndicator {
  private final DataSource dataSource;
  private final PgWakeups wakeups;
  private final QueueSampler sampler;

  public DatabaseHealthIndicator(DataSource dataSource, PgWakeups wakeups, QueueSampler sampler) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.wakeups = Objects.requireNonNull(wakeups, "wakeups");
    this.sampler = Objects.requireNonNull(sampler, "sampler");
  }

  @Override
  public Health health() {
    try (Connection c = dataSource.getConnection()) {
      if (!c.isValid(2)) {
        return Health.down().withDetail("error", "the connection is not valid").build();
      }
    } catch (SQLException e) {
      return Health.down().withDetail("error", e.getMessage()).build();
    }
    return Health.up()
        .withDetail("listening", wakeups.listening())
        .withDetail("queueReady", sampler.queueStats().ready())
        .withDetail("queueRunning", sampler.queueStats().running())
        .withDetail("relayPending", sampler.outboxStats().pending())
        .build();
  }
}
