package ai.kinitro.backend.ws.validator;

import ai.kinitro.backend.persistence.NotificationListener;
import java.sql.Connection;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fan-out of newly queued assignments across backend instances: whoever queues an assignment
 * (new job, rerun, retry after a platform fault) NOTIFYs the validator's hotkey on
 * {@link ValidatorChannelConfig#assignmentChannel()}; every instance LISTENs and delivers to that
 * validator if its connection is here. Inside a transaction the notification is sent at commit,
 * so the receiver always finds the committed assignment. A lost notification only delays the
 * delivery until the next sweep.
 */
final class AssignmentNotifications {
  private AssignmentNotifications() {}

  /** Sends the notifications. */
  static final class Sender {
    private final JdbcTemplate jdbc;
    private final String channel;

    Sender(JdbcTemplate jdbc, String channel) {
      this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
      this.channel = Objects.requireNonNull(channel, "channel");
    }

    /** Announces queued assignments of these validators (duplicates are harmless). */
    void queued(Collection<String> hotkeys) {
      if (hotkeys.isEmpty()) {
        return;
      }
      jdbc.query("SELECT pg_notify(?, h) FROM unnest(?::text[]) AS h", rs -> { }, channel,
          hotkeys.stream().distinct().toArray(String[]::new));
    }
  }

  /** Hears the notifications of every instance and hands each hotkey to the local delivery. */
  static final class Listener extends NotificationListener {
    private final Consumer<String> deliverTo;

    Listener(DataSource dataSource, String channel, Duration retryDelay, Consumer<String> deliverTo) {
      super(dataSource, channel, retryDelay, "kinitro-assignments-listen");
      this.deliverTo = Objects.requireNonNull(deliverTo, "deliverTo");
    }

    @Override
    protected void handle(Connection connection, String hotkey) {
      deliverTo.accept(hotkey);
    }
  }
}
