package ai.kinitro.backend.ws.validator;

import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.validator.ValidatorMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One validator socket: its challenge, and once registered its hotkey, last heartbeat and the
 * assignments already sent on it (each is sent once per connection; a reconnect sends every
 * unacked one again), and the validator errors seen on it not yet written. Sends are thread-safe
 * (the session is a concurrent decorator).
 */
final class ValidatorConnection {
  private static final Logger LOG = LoggerFactory.getLogger(ValidatorConnection.class);

  private final String connectionId;
  private final WebSocketSession session;
  private final ProtocolCodec<ValidatorMessage> codec;
  private final String nonce;
  private final Instant challengeExpiresAt;
  private final Set<java.util.UUID> sentMessages = ConcurrentHashMap.newKeySet();
  private volatile String hotkey;
  private volatile Long apiKeyId;
  private volatile Instant lastHeartbeat;
  private volatile boolean heartbeatDirty;
  private final java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();

  ValidatorConnection(String connectionId, WebSocketSession session, ProtocolCodec<ValidatorMessage> codec, String nonce,
      Instant challengeExpiresAt) {
    this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
    this.session = Objects.requireNonNull(session, "session");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.nonce = Objects.requireNonNull(nonce, "nonce");
    this.challengeExpiresAt = Objects.requireNonNull(challengeExpiresAt, "challengeExpiresAt");
  }

  String connectionId() {
    return connectionId;
  }

  String nonce() {
    return nonce;
  }

  Instant challengeExpiresAt() {
    return challengeExpiresAt;
  }

  boolean registered() {
    return hotkey != null;
  }

  String hotkey() {
    return hotkey;
  }

  Long apiKeyId() {
    return apiKeyId;
  }

  void registered(String hotkey, Long apiKeyId, Instant at) {
    this.apiKeyId = apiKeyId;
    this.lastHeartbeat = at;
    this.hotkey = hotkey;
  }

  Instant lastHeartbeat() {
    return lastHeartbeat;
  }

  void heartbeat(Instant at) {
    lastHeartbeat = at;
    heartbeatDirty = true;
  }

  /** True once per heartbeat received since the last call (the writer persists only changes). */
  boolean takeHeartbeatDirty() {
    boolean dirty = heartbeatDirty;
    heartbeatDirty = false;
    return dirty;
  }

  /**
   * Counts one validator error on this connection (kept in memory; the heartbeat sweep and the
   * disconnection add it to {@code validators.total_errors}).
   */
  void countError() {
    errors.incrementAndGet();
  }

  /** Errors counted since the last call. */
  long takeErrors() {
    return errors.getAndSet(0);
  }

  /** Marks a durable message as sent on this connection; false if it already was. */
  boolean markSent(java.util.UUID messageId) {
    return sentMessages.add(messageId);
  }

  boolean open() {
    return session.isOpen();
  }

  /** Sends a message; false if the socket is gone (the caller keeps the message pending). */
  boolean send(ValidatorMessage message) {
    try {
      session.sendMessage(new TextMessage(codec.encode(message)));
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.debug("Send to validator {} ({}) failed", hotkey, connectionId, e);
      close(CloseStatus.SESSION_NOT_RELIABLE);
      return false;
    }
  }

  void close(CloseStatus status) {
    try {
      session.close(status);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Closing validator connection {} failed", connectionId, e);
    }
  }
}
