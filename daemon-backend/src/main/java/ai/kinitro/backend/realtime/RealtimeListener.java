package ai.kinitro.backend.realtime;

import ai.kinitro.backend.persistence.NotificationListener;
import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.RealtimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTENs on the realtime channel and hands every event it hears to the local {@link RealtimeHub}
 * (and to the {@link StatsBroadcaster}, which sends {@code stats_updated} when counters may have
 * changed).
 * Events published while the connection was down are lost for this instance's subscribers (they
 * resubscribe and get the initial state).
 */
public final class RealtimeListener extends NotificationListener {
  private static final Logger LOG = LoggerFactory.getLogger(RealtimeListener.class);

  private final RealtimeHub hub;
  private final ProtocolCodec<RealtimeMessage> codec;
  private final StatsBroadcaster stats;
  private final AtomicLong delivered = new AtomicLong();

  public RealtimeListener(DataSource dataSource, RealtimeHub hub, ProtocolCodec<RealtimeMessage> codec, RealtimeConfig config,
      StatsBroadcaster stats) {
    super(dataSource, config.channel(), config.listenerRetryDelay(), "kinitro-realtime-listen");
    this.hub = Objects.requireNonNull(hub, "hub");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  /** Events handed to the hub so far. */
  public long delivered() {
    return delivered.get();
  }

  @Override
  protected void handle(Connection connection, String message) throws SQLException {
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
      stats.heard(event.payload());
    } else {
      LOG.warn("Ignoring an undecodable realtime notification");
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
