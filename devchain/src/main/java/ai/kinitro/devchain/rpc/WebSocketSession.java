package ai.kinitro.devchain.rpc;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One WebSocket connection: requests are answered in order, subscriptions live until the client
 * unsubscribes or disconnects. Subscription ids are random 16-character strings like a substrate
 * node's. Public only because Jetty calls the listener methods through method handles.
 */
public final class WebSocketSession implements Session.Listener.AutoDemanding, RpcSession {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketSession.class);
  private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JsonRpcDispatcher dispatcher;
  private final Map<String, Sub> subscriptions = new ConcurrentHashMap<>();
  private final List<Sub> opened = new ArrayList<>();
  private volatile Session session;

  WebSocketSession(JsonRpcDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public void onWebSocketOpen(Session newSession) {
    session = newSession;
  }

  @Override
  public void onWebSocketText(String text) {
    String answer = dispatcher.handle(text, this);
    if (answer != null) {
      send(answer);
    }
    List<Sub> toActivate;
    synchronized (opened) {
      toActivate = List.copyOf(opened);
      opened.clear();
    }
    toActivate.forEach(Sub::activate);
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    List.copyOf(subscriptions.values()).forEach(Sub::cancel);
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    LOG.debug("WebSocket error: {}", cause.toString());
  }

  @Override
  public boolean supportsSubscriptions() {
    return true;
  }

  @Override
  public Subscription openSubscription(String notificationMethod, Runnable onCancel) {
    Sub sub = new Sub(newId(), notificationMethod, onCancel);
    subscriptions.put(sub.id(), sub);
    synchronized (opened) {
      opened.add(sub);
    }
    return sub;
  }

  @Override
  public boolean cancelSubscription(String id) {
    Sub sub = subscriptions.get(id);
    if (sub == null) {
      return false;
    }
    sub.cancel();
    return true;
  }

  private void send(String text) {
    Session current = session;
    if (current == null || !current.isOpen()) {
      return;
    }
    synchronized (this) {
      current.sendText(text, Callback.from(() -> { }, e -> LOG.debug("send failed: {}", e.toString())));
    }
  }

  private static String newId() {
    StringBuilder id = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }

  /** A subscription; notifications wait until the subscribe answer has been sent. */
  private final class Sub implements Subscription {
    private final String id;
    private final String method;
    private final Runnable onCancel;
    private final List<String> held = new ArrayList<>();
    private boolean active;
    private boolean closeWhenActive;
    private boolean ended;

    Sub(String id, String method, Runnable onCancel) {
      this.id = id;
      this.method = method;
      this.onCancel = onCancel;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public synchronized void send(JsonNode result) {
      if (ended) {
        return;
      }
      String text = JsonRpcDispatcher.notification(method, id, result);
      if (active) {
        WebSocketSession.this.send(text);
      } else {
        held.add(text);
      }
    }

    synchronized void activate() {
      if (ended) {
        return;
      }
      active = true;
      held.forEach(WebSocketSession.this::send);
      held.clear();
      if (closeWhenActive) {
        end();
      }
    }

    @Override
    public synchronized void close() {
      if (active) {
        end();
      } else {
        closeWhenActive = true;
      }
    }

    @Override
    public synchronized void discard() {
      held.clear();
      end();
      synchronized (opened) {
        opened.remove(this);
      }
    }

    synchronized void cancel() {
      end();
      try {
        onCancel.run();
      } catch (RuntimeException e) {
        LOG.debug("cancelling subscription {} failed: {}", id, e.toString());
      }
    }

    private void end() {
      ended = true;
      subscriptions.remove(id);
    }
  }
}
