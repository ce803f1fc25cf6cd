package ai.kinitro.backend.realtime;

import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.RealtimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Holds one connection LISTENing on the realtime channel and hands every event it hears to the
 * local {@link RealtimeHub}. The connection is re-opened after any failure; events published while
 * it was down are lost for this instance's subscribers (they resubscribe and get the initial state).
 */
public final class RealtimeListener implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(RealtimeListener.class);

  private final DataSource dataSource;
  private final RealtimeHub hub;
  private final ProtocolCodec<RealtimeMessage> codec;
  private final RealtimeConfig config;
  private final AtomicLong delivered = new AtomicLong();
  private volatile boolean running;
  private volatile boolean listening;
  private Thread thread;

  public RealtimeListener(DataSource dataSource, RealtimeHub hub, ProtocolCodec<RealtimeMessage> codec, RealtimeConfig config) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.hub = Objects.requireNonNull(hub, "hub");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = Thread.ofPlatform().name("kinitro-realtime-listen").daemon(true).start(this::run);
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

  /** Events handed to the hub so far. */
  public long delivered() {
    return delivered.get();
  }

  private void run() {
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
          s.execute("LISTEN " + config.channel());
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        listening = true;
        while (running) {
          PGNotification[] notifications = pg.getNotifications(500);
          if (notifications == null) {
            continue;
          }
          for (PGNotification n : notifications) {
            handle(connection, n.getParameter());
          }
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        if (!running) {
          return;
        }
        LOG.warn("Realtime LISTEN connection failed; re-opening in {}", config.listenerRetryDelay(), e);
        try {
          Thread.sleep(config.listenerRetryDelay());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    listening = false;
  }

  private void handle(Connection connection, String message) {
    try {
      String frame = message;
      if (message.startsWith("#")) {
        frame = load(connection, Long.parseLong(message.substring(1)));
        if (frame == null) {
          return;
        }
      }
      if (codec.decode(frame) instanceof DecodeResult.Decoded<RealtimeMessage>(Event event)) {
        hub.deliver(event.payload());
        delivered.incrementAndGet();
      } else {
        LOG.warn("Ignoring an undecodable realtime notification");
      }
    } catch (RuntimeException | SQLException e) {
      LOG.warn("Could not deliver a realtime notification", e);
    }
  }

  private static String load(Connection connection, long id) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT payload::text FROM realtime_events WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
