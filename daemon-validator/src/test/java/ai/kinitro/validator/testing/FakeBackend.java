package ai.kinitro.validator.testing;

import ai.kinitro.common.crypto.Sr25519;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.ProtocolVersion;
import ai.kinitro.common.protocol.validator.AckOutcome;
import ai.kinitro.common.protocol.validator.AuthChallenge;
import ai.kinitro.common.protocol.validator.DeliveryAck;
import ai.kinitro.common.protocol.validator.DurableMessage;
import ai.kinitro.common.protocol.validator.Heartbeat;
import ai.kinitro.common.protocol.validator.HeartbeatAck;
import ai.kinitro.common.protocol.validator.Register;
import ai.kinitro.common.protocol.validator.RegistrationAck;
import ai.kinitro.common.protocol.validator.ResultAck;
import ai.kinitro.common.protocol.validator.ValidatorError;
import ai.kinitro.common.protocol.validator.ValidatorMessage;
import ai.kinitro.common.protocol.validator.ValidatorProtocol;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A real WebSocket server (Jetty, random port) standing in for the backend's {@code /ws/validator}:
 * it speaks the protocol records, checks the signed registration, keeps its own durable deliveries
 * until the validator acks them (redelivering after every registration), and stores the validator's
 * reports idempotently by message id, counting every receipt so tests can prove nothing was
 * duplicated. It can go offline (refusing upgrades) and drop or refuse acks.
 */
public final class FakeBackend implements AutoCloseable {
  private final ProtocolCodec<ValidatorMessage> codec = ValidatorProtocol.backendCodec();
  private final String apiKey;
  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);
  private final Map<UUID, DurableMessage> deliveries = new LinkedHashMap<>();
  private final Map<UUID, AckOutcome> deliveryAcks = new ConcurrentHashMap<>();
  private final Map<UUID, AtomicInteger> receipts = new ConcurrentHashMap<>();
  private final Map<UUID, DurableMessage> stored = new ConcurrentHashMap<>();
  private final List<ValidatorError> errorsReceived = new CopyOnWriteArrayList<>();
  private final Set<Endpoint> sessions = ConcurrentHashMap.newKeySet();
  private final AtomicInteger registrations = new AtomicInteger();
  private volatile boolean online = true;
  private volatile boolean ackResults = true;
  /** Outages are made by disconnecting, never by silence: a slow heartbeat keeps stalls from reconnecting. */
  private volatile int heartbeatSeconds = 5;
  private volatile Function<DurableMessage, Optional<ValidatorError>> refuse = m -> Optional.empty();

  public FakeBackend(String apiKey) throws Exception {
    this.apiKey = apiKey;
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
      container.setIdleTimeout(Duration.ofMinutes(5));
      container.addMapping(ValidatorProtocol.PATH, (request, response, callback) -> {
        if (!online) {
          Response.writeError(request, response, callback, 503);
          return null;
        }
        return new Endpoint();
      });
    }));
    server.start();
  }

  public URI uri() {
    return URI.create("ws://127.0.0.1:" + connector.getLocalPort() + ValidatorProtocol.PATH);
  }

  /** Queues a durable message for the validator and sends it now if one is registered. */
  public void deliver(DurableMessage message) {
    synchronized (deliveries) {
      deliveries.put(message.messageId(), message);
    }
    sessions.stream().filter(e -> e.registered).forEach(e -> e.send((ValidatorMessage) message));
  }

  /**
   * Sends {@code message} and then behaves as if the validator died before its ack arrived: the
   * connection stops listening (the ack is never seen) and is cut, and the backend refuses new
   * connections until {@link #online(boolean) online(true)}, so the validator cannot get the
   * redelivery before it is stopped.
   */
  public void deliverAndCutBeforeAck(DurableMessage message) {
    online = false;
    synchronized (deliveries) {
      deliveries.put(message.messageId(), message);
    }
    for (Endpoint e : sessions) {
      if (e.registered) {
        e.deaf = true;
        e.sendNow((ValidatorMessage) message);
        e.session.disconnect();
      }
    }
  }

  /** Refuses new connections (HTTP 503) and cuts the open ones, or accepts again. */
  public void online(boolean value) {
    online = value;
    if (!value) {
      sessions.forEach(e -> e.session.disconnect());
    }
  }

  /** Whether reports get a result_ack (false: they are stored, but the ack is "lost"). */
  public void ackResults(boolean value) {
    ackResults = value;
  }

  public void heartbeatSeconds(int seconds) {
    heartbeatSeconds = seconds;
  }

  /** Answers the matching reports with an error frame instead of storing them. */
  public void refuseWith(Function<DurableMessage, Optional<ValidatorError>> rule) {
    refuse = rule;
  }

  public int registrations() {
    return registrations.get();
  }

  public Optional<AckOutcome> deliveryAck(UUID messageId) {
    return Optional.ofNullable(deliveryAcks.get(messageId));
  }

  public boolean awaitingAck(UUID messageId) {
    synchronized (deliveries) {
      return deliveries.containsKey(messageId);
    }
  }

  /** How many times a report with this message id arrived. */
  public int receipts(UUID messageId) {
    AtomicInteger n = receipts.get(messageId);
    return n == null ? 0 : n.get();
  }

  /** Reports stored (one per message id), of one type. */
  public <T extends DurableMessage> List<T> stored(Class<T> type) {
    return stored.values().stream().filter(type::isInstance).map(type::cast).toList();
  }

  public Map<UUID, Integer> receiptsById() {
    Map<UUID, Integer> copy = new LinkedHashMap<>();
    receipts.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  public List<ValidatorError> errorsReceived() {
    return List.copyOf(errorsReceived);
  }

  public boolean connected() {
    return sessions.stream().anyMatch(e -> e.registered);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  public final class Endpoint implements Session.Listener.AutoDemanding {
    private volatile Session session;
    private volatile boolean registered;
    private volatile boolean deaf;
    private String nonce;

    @Override
    public void onWebSocketOpen(Session session) {
      this.session = session;
      sessions.add(this);
      nonce = "n" + UUID.randomUUID().toString().replace("-", "");
      Instant now = Instant.now();
      sendNow(new AuthChallenge(ProtocolVersion.CURRENT, nonce, now, now.plusSeconds(30)));
    }

    @Override
    public void onWebSocketText(String text) {
      if (deaf) {
        return;
      }
      switch (codec.decode(text)) {
        case DecodeResult.Rejected<ValidatorMessage> r -> sendNow(ValidatorError.from(r));
        case DecodeResult.Decoded<ValidatorMessage> d -> handle(d.message());
      }
    }

    private void handle(ValidatorMessage message) {
      if (!registered) {
        if (message instanceof Register r && valid(r)) {
          registered = true;
          registrations.incrementAndGet();
          sendNow(new RegistrationAck("c-" + registrations.get(), heartbeatSeconds, Instant.now()));
          List<DurableMessage> pending;
          synchronized (deliveries) {
            pending = new ArrayList<>(deliveries.values());
          }
          pending.forEach(m -> send((ValidatorMessage) m));
        } else {
          sendNow(ValidatorError.of(ErrorCode.UNAUTHENTICATED, "registration refused", Optional.empty()));
          session.close();
        }
        return;
      }
      switch (message) {
        case Heartbeat h -> sendNow(new HeartbeatAck(h.timestamp(), Instant.now()));
        case DeliveryAck a -> {
          deliveryAcks.put(a.ackedMessageId(), a.outcome());
          synchronized (deliveries) {
            deliveries.remove(a.ackedMessageId());
          }
        }
        case ValidatorError e -> errorsReceived.add(e);
        case DurableMessage report -> {
          Optional<ValidatorError> refusal = refuse.apply(report);
          if (refusal.isPresent()) {
            sendNow(refusal.get());
            return;
          }
          receipts.computeIfAbsent(report.messageId(), k -> new AtomicInteger()).incrementAndGet();
          AckOutcome outcome = stored.putIfAbsent(report.messageId(), report) == null ? AckOutcome.STORED : AckOutcome.DUPLICATE;
          if (ackResults) {
            sendNow(new ResultAck(report.messageId(), outcome, Optional.empty()));
          }
        }
        default -> sendNow(ValidatorError.of(ErrorCode.UNEXPECTED_MESSAGE, "unexpected " + message.type().wireName(), Optional.empty()));
      }
    }

    private boolean valid(Register r) {
      return r.nonce().equals(nonce) && r.apiKey().equals(apiKey)
          && Sr25519.verify(Ss58.decodePublicKey(r.hotkey()), r.signedPayload(), r.signatureBytes());
    }

    void send(ValidatorMessage m) {
      if (!deaf) {
        sendNow(m);
      }
    }

    synchronized void sendNow(ValidatorMessage m) {
      Session s = session;
      if (s != null && s.isOpen()) {
        Callback.Completable done = new Callback.Completable();
        s.sendText(codec.encode(m), done);
        try {
          done.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
          // the connection went away; the validator will reconnect
        }
      }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
      registered = false;
      sessions.remove(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
      registered = false;
      sessions.remove(this);
    }
  }
}
