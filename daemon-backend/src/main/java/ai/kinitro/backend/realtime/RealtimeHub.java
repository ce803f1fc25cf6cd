package ai.kinitro.backend.realtime;

import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.EventType;
import ai.kinitro.common.protocol.realtime.RealtimeMessage;
import ai.kinitro.common.protocol.realtime.RealtimeProtocol;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The realtime clients connected to this instance, and the local fan-out to them. */
public final class RealtimeHub {
  private static final ProtocolCodec<RealtimeMessage> CODEC = RealtimeProtocol.codecBuilder().build();
  private static final String TEMPLATE_ID = "s-template";
  private static final String TEMPLATE_PREFIX = "{\"type\":\"event\",\"subscription_id\":\"" + TEMPLATE_ID + "\",\"sequence\":1,";
  private final Map<String, ClientConnection> clients = new ConcurrentHashMap<>();

  void add(ClientConnection client) {
    clients.put(client.connectionId(), client);
  }

  void remove(String connectionId) {
    clients.remove(connectionId);
  }

  /** Delivers an event to every matching subscription of every local client; never blocks. */
  public void deliver(EventPayload payload) {
    String tail = null;
    for (ClientConnection client : clients.values()) {
      if (tail == null) {
        tail = tail(payload);
      }
      client.deliver(payload, tail);
    }
  }

  /**
   * The event frame after {@code "sequence":1,}, encoded once: subscription id and sequence are the
   * only per-subscriber parts (the codec writes {@code type, subscription_id, sequence} first).
   */
  static String tail(EventPayload payload) {
    String template = CODEC.encode(new Event(TEMPLATE_ID, 1, Instant.now(), payload));
    return template.startsWith(TEMPLATE_PREFIX) ? template.substring(TEMPLATE_PREFIX.length()) : null;
  }

  /** Whether any client connected here has a subscription to {@code type}. */
  boolean subscribed(EventType type) {
    for (ClientConnection client : clients.values()) {
      for (ClientConnection.Subscription s : client.subscriptions().values()) {
        if (s.types().contains(type)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Number of clients connected here. */
  public int size() {
    return clients.size();
  }

  Collection<ClientConnection> clients() {
    return clients.values();
  }
}
