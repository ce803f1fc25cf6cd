package ai.kinitro.backend.realtime;

import ai.kinitro.common.protocol.realtime.EventPayload;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The realtime clients connected to this instance, and the local fan-out to them. */
public final class RealtimeHub {
  private final Map<String, ClientConnection> clients = new ConcurrentHashMap<>();

  void add(ClientConnection client) {
    clients.put(client.connectionId(), client);
  }

  void remove(String connectionId) {
    clients.remove(connectionId);
  }

  /** Delivers an event to every matching subscription of every local client; never blocks. */
  public void deliver(EventPayload payload) {
    for (ClientConnection client : clients.values()) {
      client.deliver(payload);
    }
  }

  /** Number of clients connected here. */
  public int size() {
    return clients.size();
  }

  Collection<ClientConnection> clients() {
    return clients.values();
  }
}
