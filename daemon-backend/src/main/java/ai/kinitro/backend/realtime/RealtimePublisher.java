package ai.kinitro.backend.realtime;

import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.RealtimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishes realtime events to every backend instance through PostgreSQL NOTIFY on one channel.
 * The notification carries the event itself (as an {@code event} frame with a placeholder
 * subscription), or {@code #<id>} of a {@code realtime_events} row when it is too long for a
 * notification. Inside a transaction the notification is sent at commit, so subscribers never
 * see an event whose data was rolled back.
 */
public class RealtimePublisher {
  static final String PLACEHOLDER_SUBSCRIPTION = "publish";
  private final JdbcTemplate jdbc;
  private final ProtocolCodec<RealtimeMessage> codec;
  private final RealtimeConfig config;
  private final Clock clock;
  private final LongSupplier ids;

  public RealtimePublisher(JdbcTemplate jdbc, ProtocolCodec<RealtimeMessage> codec, RealtimeConfig config, Clock clock, LongSupplier ids) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  public void publish(EventPayload payload) {
    publishAll(List.of(payload));
  }

  /** Publishes several events with one statement. */
  public void publishAll(List<? extends EventPayload> payloads) {
    if (payloads.isEmpty()) {
      return;
    }
    List<String> messages = new ArrayList<>(payloads.size());
    for (EventPayload payload : payloads) {
      String frame = codec.encode(new Event(PLACEHOLDER_SUBSCRIPTION, 1, clock.instant(), payload));
      if (frame.getBytes(StandardCharsets.UTF_8).length <= config.notifyPayloadLimit()) {
        messages.add(frame);
      } else {
        long id = ids.getAsLong();
        jdbc.update("INSERT INTO realtime_events (id, event_type, payload) VALUES (?, ?, ?::jsonb)",
            id, payload.eventType().wireName(), frame);
        messages.add("#" + id);
      }
    }
    jdbc.query("SELECT pg_notify(?, m) FROM unnest(?::text[]) AS m",
        rs -> { }, config.channel(), messages.toArray(String[]::new));
  }
}
