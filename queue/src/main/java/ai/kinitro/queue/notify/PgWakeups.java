package ai.kinitro.queue.notify;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wake-ups from PostgreSQL: a thread named {@code kq-listen} holds one connection that LISTENs on
 * the given channels and raises the signal named by each notification's payload (a queue name or a
 * topic). If the connection breaks it reconnects after {@code retryDelay} and wakes every waiter,
 * since notifications may have been missed meanwhile. Never throws out of its loop.
 */
public final class PgWakeups implements Wakeups, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PgWakeups.class);
  private static final int RECEIVE_TIMEOUT_MILLIS = 500;

  private final DataSource dataSource;
  private final List<String> channels;
  private final Duration retryDelay;
  private final Signals signals = new Signals();
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean running;
  private volatile boolean listening;
  private Thread thread;

  /**
   * @param channels NOTIFY channels to listen on, e.g. {@code JobQueue.CHANNEL}, {@code Outbox.CHANNEL}
   */
  public PgWakeups(DataSource dataSource, List<String> channels, Duration retryDelay) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.channels = List.copyOf(channels);
    this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
    for (String channel : this.channels) {
      if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
        throw new IllegalArgumentException("not a plain channel name: " + channel);
      }
    }
  }

  /** Starts the listening thread. */
  public synchronized PgWakeups start() {
    if (thread == null) {
      running = true;
      thread = Thread.ofPlatform().name("kq-listen").daemon(true).start(this::run);
    }
    return this;
  }

  /** True while the listening connection is up (health). */
  public boolean listening() {
    return listening;
  }

  /** Listener failures so far (metrics). */
  public long failures() {
    return failures.get();
  }

  @Override
  public boolean await(String key, Duration timeout) throws InterruptedException {
    return signals.await(key, timeout);
  }

  @Override
  public void signal(String key) {
    signals.signal(key);
  }

  private void run() {
    while (running) {
      try (Connection c = dataSource.getConnection()) {
        try (Statement s = c.createStatement()) {
          for (String channel : channels) {
            s.execute("LISTEN " + channel);
          }
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        listening = true;
        signals.signalAll();
        while (running) {
          PGNotification[] received = pg.getNotifications(RECEIVE_TIMEOUT_MILLIS);
          if (received != null) {
            for (PGNotification n : received) {
              signals.signal(n.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        if (!running) {
          return;
        }
        failures.incrementAndGet();
        LOG.warn("Queue wake-up listener on {} failed; polling continues, reconnecting in {}: {}", channels, retryDelay, e.toString());
        signals.signalAll();
        try {
          Thread.sleep(retryDelay);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      } finally {
        listening = false;
      }
    }
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
      thread = null;
    }
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
