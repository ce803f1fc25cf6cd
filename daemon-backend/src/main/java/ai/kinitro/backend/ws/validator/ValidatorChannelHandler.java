package ai.kinitro.backend.ws.validator;

import ai.kinitro.backend.realtime.RealtimePublisher;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.ProtocolVersion;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.validator.AuthChallenge;
import ai.kinitro.common.protocol.validator.DeliveryAck;
import ai.kinitro.common.protocol.validator.EpisodeData;
import ai.kinitro.common.protocol.validator.EpisodeStepData;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.common.protocol.validator.EvalResult;
import ai.kinitro.common.protocol.validator.Heartbeat;
import ai.kinitro.common.protocol.validator.HeartbeatAck;
import ai.kinitro.common.protocol.validator.JobStatusUpdate;
import ai.kinitro.common.protocol.validator.Register;
import ai.kinitro.common.protocol.validator.RegistrationAck;
import ai.kinitro.common.protocol.validator.ResultAck;
import ai.kinitro.common.protocol.validator.SetWeights;
import ai.kinitro.common.protocol.validator.ValidatorError;
import ai.kinitro.common.protocol.validator.ValidatorMessage;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * {@code /ws/validator}. Before registration only {@code register} is accepted (anything else, or
 * a failed check, gets an {@code error} and the socket is closed). Afterwards a malformed or
 * unexpected frame gets an {@code error}, counts as a validator error (see
 * {@link ValidatorConnection#countError()}) and the socket stays open; heartbeats are answered
 * inline (no database work on the read path); reports go to the {@link IngestPipeline}.
 */
final class ValidatorChannelHandler extends TextWebSocketHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ValidatorChannelHandler.class);
  private static final String ATTRIBUTE = "kinitro.validator.connection";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ProtocolCodec<ValidatorMessage> codec;
  private final ValidatorAuthenticator authenticator;
  private final ValidatorConnections connections;
  private final JobDelivery delivery;
  private final IngestPipeline ingest;
  private final WeightsPusher weights;
  private final RealtimePublisher realtime;
  private final JdbcTemplate jdbc;
  private final ValidatorChannelConfig config;
  private final String instanceId;
  private final Clock clock;

  ValidatorChannelHandler(ProtocolCodec<ValidatorMessage> codec, ValidatorAuthenticator authenticator,
      ValidatorConnections connections, JobDelivery delivery, IngestPipeline ingest, WeightsPusher weights,
      RealtimePublisher realtime, JdbcTemplate jdbc, ValidatorChannelConfig config, String instanceId, Clock clock) {
    this.codec = codec;
    this.authenticator = authenticator;
    this.connections = connections;
    this.delivery = delivery;
    this.ingest = ingest;
    this.weights = weights;
    this.realtime = realtime;
    this.jdbc = jdbc;
    this.config = config;
    this.instanceId = instanceId;
    this.clock = clock;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession raw) {
    WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw, (int) config.sendTimeLimit().toMillis(),
        config.sendBufferLimit());
    Instant now = clock.instant();
    String connectionId = "c-" + token(9);
    String nonce = token(18);
    ValidatorConnection connection = new ValidatorConnection(connectionId, session, codec, nonce, now.plus(config.challengeTtl()));
    raw.getAttributes().put(ATTRIBUTE, connection);
    connection.send(new AuthChallenge(ProtocolVersion.CURRENT, nonce, now, connection.challengeExpiresAt()));
  }

  @Override
  protected void handleTextMessage(WebSocketSession raw, TextMessage text) {
    ValidatorConnection connection = (ValidatorConnection) raw.getAttributes().get(ATTRIBUTE);
    if (connection == null) {
      return;
    }
    switch (codec.decode(text.getPayload())) {
      case DecodeResult.Rejected<ValidatorMessage> rejected -> {
        connection.send(ValidatorError.from(rejected));
        if (!connection.registered()) {
          connection.close(CloseStatus.POLICY_VIOLATION.withReason(rejected.code().name()));
        } else {
          connection.countError();
        }
      }
      case DecodeResult.Decoded<ValidatorMessage>(ValidatorMessage message) -> {
        if (!connection.registered()) {
          handshake(connection, message);
        } else {
          handle(connection, message);
        }
      }
    }
  }

  private void handshake(ValidatorConnection connection, ValidatorMessage message) {
    if (!(message instanceof Register register)) {
      refuse(connection, ErrorCode.UNEXPECTED_MESSAGE, "the first message must be register (answering auth_challenge)");
      return;
    }
    ValidatorAuthenticator.Authenticated who;
    try {
      who = authenticator.authenticate(register, connection.nonce(), connection.challengeExpiresAt());
    } catch (KinitroException e) {
      LOG.info("Validator registration refused ({}): {}", e.code(), e.getMessage());
      refuse(connection, e.code(), e.getMessage());
      return;
    }
    Instant now = clock.instant();
    connection.registered(who.hotkey(), who.apiKeyId(), now);
    connections.put(connection);
    jdbc.update("""
        INSERT INTO validators (hotkey, api_key_id, connection_id, instance_id, connected, first_connected_at,
                                last_connected_at, last_heartbeat_at, updated_at)
        VALUES (?, ?, ?, ?, true, ?, ?, ?, ?)
        ON CONFLICT (hotkey) DO UPDATE SET api_key_id = EXCLUDED.api_key_id, connection_id = EXCLUDED.connection_id,
          instance_id = EXCLUDED.instance_id, connected = true, last_connected_at = EXCLUDED.last_connected_at,
          last_heartbeat_at = EXCLUDED.last_heartbeat_at, first_connected_at = coalesce(validators.first_connected_at, EXCLUDED.first_connected_at),
          updated_at = EXCLUDED.updated_at""",
        who.hotkey(), who.apiKeyId(), connection.connectionId(), instanceId, Timestamp.from(now), Timestamp.from(now),
        Timestamp.from(now), Timestamp.from(now));
    connection.send(new RegistrationAck(connection.connectionId(), (int) config.heartbeatInterval().toSeconds(), now));
    LOG.info("Validator {} registered on connection {}", who.hotkey(), connection.connectionId());
    publish(new EventPayload.ValidatorConnected(who.hotkey(), connection.connectionId(), now));
    try {
      delivery.backfill(who.hotkey());
      delivery.deliverPending(connection);
      weights.pushTo(connection);
    } catch (RuntimeException e) {
      LOG.warn("Redelivery to validator {} failed; the sweep retries", who.hotkey(), e);
    }
  }

  private void handle(ValidatorConnection connection, ValidatorMessage message) {
    switch (message) {
      case Heartbeat h -> {
        Instant now = clock.instant();
        connection.heartbeat(now);
        connection.send(new HeartbeatAck(h.timestamp(), now));
      }
      case DeliveryAck ack -> {
        try {
          delivery.onDeliveryAck(connection, ack);
        } catch (RuntimeException e) {
          LOG.warn("delivery_ack from {} could not be recorded", connection.hotkey(), e);
        }
      }
      case JobStatusUpdate m -> submit(connection, m.messageId().toString(), new IngestPipeline.Work(connection, connection.hotkey(), m));
      case EvalResult m -> submit(connection, m.messageId().toString(), new IngestPipeline.Work(connection, connection.hotkey(), m));
      case EpisodeData m -> submit(connection, m.messageId().toString(), new IngestPipeline.Work(connection, connection.hotkey(), m));
      case EpisodeStepData m -> submit(connection, m.messageId().toString(), new IngestPipeline.Work(connection, connection.hotkey(), m));
      case Register r -> {
        connection.countError();
        connection.send(ValidatorError.of(ErrorCode.UNEXPECTED_MESSAGE, "already registered", Optional.empty()));
      }
      // Messages only the backend sends; the backend codec refuses them before they get here.
      case AuthChallenge m -> unexpected(connection);
      case RegistrationAck m -> unexpected(connection);
      case HeartbeatAck m -> unexpected(connection);
      case EvalJob m -> unexpected(connection);
      case SetWeights m -> unexpected(connection);
      case ResultAck m -> unexpected(connection);
      case ValidatorError m -> LOG.info("Validator {} reports error {} {}: {}", connection.hotkey(), m.code(), m.name(), m.message());
    }
  }

  private void submit(ValidatorConnection connection, String messageId, IngestPipeline.Work work) {
    if (!ingest.submit(work)) {
      connection.send(ValidatorError.of(ErrorCode.CAPACITY_EXHAUSTED,
          "the backend is saturated; keep the message and resend it on your next connection", Optional.of(messageId)));
    }
  }

  private static void unexpected(ValidatorConnection connection) {
    connection.countError();
    connection.send(ValidatorError.of(ErrorCode.UNEXPECTED_MESSAGE, "validators do not send this message", Optional.empty()));
  }

  private static void refuse(ValidatorConnection connection, ErrorCode code, String message) {
    connection.send(ValidatorError.of(code, message.length() > 4000 ? message.substring(0, 4000) : message, Optional.empty()));
    connection.close(CloseStatus.POLICY_VIOLATION.withReason(code.name()));
  }

  @Override
  public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
    ValidatorConnection connection = (ValidatorConnection) raw.getAttributes().remove(ATTRIBUTE);
    if (connection == null || !connection.registered() || !connections.remove(connection)) {
      return;
    }
    Instant now = clock.instant();
    try {
      jdbc.update("UPDATE validators SET connected = false, last_disconnected_at = ?, updated_at = ? "
          + "WHERE hotkey = ? AND connection_id = ?", Timestamp.from(now), Timestamp.from(now), connection.hotkey(),
          connection.connectionId());
      long errors = connection.takeErrors();
      if (errors > 0) {
        jdbc.update("UPDATE validators SET total_errors = total_errors + ? WHERE hotkey = ?", errors, connection.hotkey());
      }
      String reason = status.getReason() == null || status.getReason().isBlank() ? "closed (" + status.getCode() + ")" : status.getReason();
      publish(new EventPayload.ValidatorDisconnected(connection.hotkey(), connection.connectionId(), now, Optional.of(reason)));
    } catch (RuntimeException e) {
      LOG.warn("Could not record the disconnection of {}", connection.hotkey(), e);
    }
    LOG.info("Validator {} disconnected ({})", connection.hotkey(), status);
  }

  @Override
  public void handleTransportError(WebSocketSession session, Throwable exception) {
    LOG.debug("Validator transport error", exception);
  }

  private void publish(EventPayload event) {
    try {
      realtime.publish(event);
    } catch (RuntimeException e) {
      LOG.warn("Could not publish {}", event.eventType(), e);
    }
  }

  private static String token(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
