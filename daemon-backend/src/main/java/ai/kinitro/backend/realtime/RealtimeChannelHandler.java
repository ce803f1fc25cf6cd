package ai.kinitro.backend.realtime;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.ProtocolVersion;
import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.Ping;
import ai.kinitro.common.protocol.realtime.Pong;
import ai.kinitro.common.protocol.realtime.RealtimeError;
import ai.kinitro.common.protocol.realtime.RealtimeMessage;
import ai.kinitro.common.protocol.realtime.Subscribe;
import ai.kinitro.common.protocol.realtime.SubscriptionAck;
import ai.kinitro.common.protocol.realtime.Unsubscribe;
import ai.kinitro.common.protocol.realtime.UnsubscriptionAck;
import ai.kinitro.common.protocol.realtime.Welcome;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * {@code /ws/client}: greets with {@code welcome}, answers {@code subscribe} (ack, then the initial
 * state, then live events), {@code unsubscribe} and {@code ping}; a refused frame gets an {@code
 * error} and the connection stays open.
 */
final class RealtimeChannelHandler extends TextWebSocketHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RealtimeChannelHandler.class);
  private static final String ATTRIBUTE = "kinitro.realtime.client";

  private final RealtimeHub hub;
  private final ProtocolCodec<RealtimeMessage> codec;
  private final RealtimeConfig config;
  private final InitialState initialState;
  private final Clock clock;

  RealtimeChannelHandler(RealtimeHub hub, ProtocolCodec<RealtimeMessage> codec, RealtimeConfig config, InitialState initialState, Clock clock) {
    this.hub = hub;
    this.codec = codec;
    this.config = config;
    this.initialState = initialState;
    this.clock = clock;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    String id = "rt-" + randomHex(6);
    ClientConnection client = new ClientConnection(id, session, codec, clock, config.queueCapacity());
    session.getAttributes().put(ATTRIBUTE, client);
    client.send(new Welcome(ProtocolVersion.CURRENT, id, clock.instant()));
    hub.add(client);
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage text) {
    ClientConnection client = (ClientConnection) session.getAttributes().get(ATTRIBUTE);
    if (client == null) {
      return;
    }
    switch (codec.decode(text.getPayload())) {
      case DecodeResult.Rejected<RealtimeMessage> rejected -> client.send(RealtimeError.from(rejected));
      case DecodeResult.Decoded<RealtimeMessage>(RealtimeMessage message) -> handle(client, message);
    }
  }

  private void handle(ClientConnection client, RealtimeMessage message) {
    switch (message) {
      case Subscribe s -> subscribe(client, s);
      case Unsubscribe u -> {
        boolean removed = client.subscriptions().remove(u.subscriptionId()) != null;
        client.send(new UnsubscriptionAck(u.requestId(), u.subscriptionId(), removed));
      }
      case Ping p -> client.send(new Pong(p.requestId(), clock.instant()));
      // The server codec refuses these before they get here; answered for completeness.
      case Welcome w -> unexpected(client, Optional.empty());
      case SubscriptionAck a -> unexpected(client, Optional.of(a.requestId()));
      case UnsubscriptionAck a -> unexpected(client, Optional.of(a.requestId()));
      case Pong p -> unexpected(client, Optional.of(p.requestId()));
      case Event e -> unexpected(client, Optional.empty());
      case RealtimeError e -> unexpected(client, Optional.empty());
    }
  }

  private void subscribe(ClientConnection client, Subscribe s) {
    if (client.subscriptions().size() >= config.maxSubscriptions()) {
      client.send(RealtimeError.of(ErrorCode.CAPACITY_EXHAUSTED,
          "at most " + config.maxSubscriptions() + " subscriptions per connection; unsubscribe first", Optional.of(s.requestId())));
      return;
    }
    String id = "s-" + randomHex(6);
    ClientConnection.Subscription subscription =
        new ClientConnection.Subscription(id, EnumSet.copyOf(s.eventTypes()), s.filters());
    // Ack first, then the initial state, then live events: the subscription joins the live feed
    // only after its initial state is queued, under the connection's lock.
    client.send(new SubscriptionAck(s.requestId(), id, s.eventTypes(), s.filters()));
    try {
      var initial = initialState.load(s.eventTypes(), s.filters(), config.initialStateLimit());
      synchronized (client) {
        client.deliverTo(subscription, initial);
        client.subscriptions().put(id, subscription);
      }
    } catch (RuntimeException e) {
      LOG.warn("Initial state for subscription {} failed; live events only", id, e);
      client.subscriptions().put(id, subscription);
    }
  }

  private static void unexpected(ClientConnection client, Optional<String> requestId) {
    client.send(RealtimeError.of(ErrorCode.UNEXPECTED_MESSAGE, "clients do not send this message", requestId));
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    ClientConnection client = (ClientConnection) session.getAttributes().remove(ATTRIBUTE);
    if (client != null) {
      hub.remove(client.connectionId());
      client.onClosed();
    }
  }

  @Override
  public void handleTransportError(WebSocketSession session, Throwable exception) {
    LOG.debug("Realtime transport error", exception);
  }

  static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
