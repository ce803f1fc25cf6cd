package ai.kinitro.backend.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Holds one connection LISTENing on a PostgreSQL channel, on a thread of its own, and hands every
 * notification's payload to {@link #handle}. The connection is re-opened after any failure (after
 * {@code retryDelay}); notifications sent while it was down are lost for this instance, so every
 * user keeps a periodic safety net (a sweep, a resubscription). A failing {@code handle} is logged
 * and the listener goes on.
 */
public abstract class NotificationListener implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);

  private final DataSource dataSource;
  private final String channel;
  private final Duration retryDelay;
  private final String threadName;
  private final AtomicLong handled = new AtomicLong();
  private volatile boolean running;
  private volatile boolean listening;
  private Thread thread;

  /**
   * @param channel a lower-case SQL identifier (it is written into the LISTEN statement)
   */
  protected NotificationListener(DataSource dataSource, String channel, Duration retryDelay, String threadName) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.channel = Objects.requireNonNull(channel, "channel");
    if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("a NOTIFY channel must be a lower-case SQL identifier, got " + channel);
    }
    this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
    this.threadName = Objects.requireNonNull(threadName, "threadName");
  }

  /**
   * Handles one notification. {@code connection} is the listening connection (usable for a quick
   * lookup; never close it or change its auto-commit).
   */
  protected abstract void handle(Connection connection, String payload) throws SQLException;

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = Thread.ofPlatform().name(threadName).daemon(true).start(this::run);
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** True once the LISTEN is in place (tests wait for it). */
  public boolean listening() {
    return listening;
  }

  /** Notifications handled without an exception so far. */
  public long handled() {
    return handled.get();
  }

  public String channel() {
    return channel;
  }

  private void run() {
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
          s.execute("LISTEN " + channel);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        listening = true;
        while (running) {
          PGNotification[] notifications = pg.getNotifications(500);
          if (notifications == null) {
            continue;
          }
          for (PGNotification n : notifications) {
            try {
              handle(connection, n.getParameter());
              handled.incrementAndGet();
            } catch (RuntimeException | SQLException e) {
              LOG.warn("Could not handle a notification on {}", channel, e);
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        if (!running) {
          return;
        }
        LOG.warn("LISTEN connection on {} failed; re-opening in {}", channel, retryDelay, e);
        try {
          Thread.sleep(retryDelay);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    listening = false;
  }
}
