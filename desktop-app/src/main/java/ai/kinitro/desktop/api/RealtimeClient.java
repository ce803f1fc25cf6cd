package ai.kinitro.desktop.api;

import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.EventType;
import ai.kinitro.common.protocol.realtime.Ping;
import ai.kinitro.common.protocol.realtime.Pong;
import ai.kinitro.common.protocol.realtime.RealtimeError;
import ai.kinitro.common.protocol.realtime.RealtimeMessage;
import ai.kinitro.common.protocol.realtime.RealtimeProtocol;
import ai.kinitro.common.protocol.realtime.Subscribe;
import ai.kinitro.common.protocol.realtime.SubscriptionAck;
import ai.kinitro.common.protocol.realtime.SubscriptionFilter;
import ai.kinitro.common.protocol.realtime.Unsubscribe;
import ai.kinitro.common.protocol.realtime.UnsubscriptionAck;
import ai.kinitro.common.protocol.realtime.Welcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend's realtime channel ({@code /ws/client}, docs/protocol.md §3) over {@code
 * java.net.http.WebSocket}. After the server's {@code welcome} it sends one {@code subscribe} per
 * local subscription; events are matched to subscriptions by the {@code subscription_id} of the
 * ack and delivered on the UI executor. When the connection fails or closes it reconnects by itself
 * with exponential backoff (reset once a {@code welcome} arrives) and subscribes again, so view
 * models keep their subscriptions across backend restarts. {@link #connect} switches backends.
 */
public final class RealtimeClient implements EventSource, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RealtimeClient.class);
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

  private final ProtocolCodec<RealtimeMessage> codec = RealtimeProtocol.clientCodec();
  private final HttpClient http;
  private final Executor ui;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("realtime-reconnect").factory());
  private final AtomicLong ids = new AtomicLong();
  private final List<Consumer<LinkState>> stateListeners = new CopyOnWriteArrayList<>();

  // Guarded by "this".
  private final Map<String, Local> subscriptions = new LinkedHashMap<>();
  private final Map<String, Local> byServerId = new LinkedHashMap<>();
  private URI endpoint;
  private WebSocket socket;
  private long generation;
  private Duration backoff;
  private LinkState state = LinkState.CONNECTING;
  private boolean closed;

  public RealtimeClient(HttpClient http, Executor ui, Duration initialBackoff, Duration maxBackoff) {
    this.http = Objects.requireNonNull(http, "http");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
    this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
    this.backoff = initialBackoff;
  }

  /** The realtime endpoint of a backend: {@code ws(s)://host[:port][/base]/ws/client}. */
  public static URI endpointOf(URI backend) {
    String scheme = "https".equalsIgnoreCase(backend.getScheme()) ? "wss" : "ws";
    String prefix = backend.getRawPath() == null ? "" : backend.getRawPath().replaceAll("/+$", "");
    return URI.create(scheme + "://" + backend.getRawAuthority() + prefix + RealtimeProtocol.PATH);
  }

  /** Connects to {@code backend}'s channel, dropping any previous connection; subscriptions carry over. */
  public void connect(URI backend) {
    WebSocket old;
    long mine;
    synchronized (this) {
      if (closed) {
        return;
      }
      endpoint = endpointOf(backend);
      old = socket;
      socket = null;
      byServerId.clear();
      subscriptions.values().forEach(s -> s.serverId = null);
      mine = ++generation;
      backoff = initialBackoff;
    }
    if (old != null) {
      old.abort();
    }
    setState(LinkState.CONNECTING);
    open(mine);
  }

  @Override
  public Subscription subscribe(List<EventType> types, SubscriptionFilter filter, Consumer<Event> listener) {
    Local local = new Local("sub-" + ids.incrementAndGet(), List.copyOf(types), Objects.requireNonNull(filter, "filter"),
        Objects.requireNonNull(listener, "listener"));
    WebSocket ws;
    synchronized (this) {
      subscriptions.put(local.requestId, local);
      ws = state == LinkState.LIVE ? socket : null;
    }
    if (ws != null) {
      send(ws, new Subscribe(local.requestId, local.types, local.filter));
    }
    return () -> unsubscribe(local);
  }

  @Override
  public void onLinkState(Consumer<LinkState> listener) {
    stateListeners.add(listener);
    LinkState now;
    synchronized (this) {
      now = state;
    }
    ui.execute(() -> listener.accept(now));
  }

  /** The channel's current state. */
  public synchronized LinkState state() {
    return state;
  }

  private void unsubscribe(Local local) {
    WebSocket ws;
    String serverId;
    synchronized (this) {
      if (subscriptions.remove(local.requestId) == null) {
        return;
      }
      local.active = false;
      serverId = local.serverId;
      if (serverId != null) {
        byServerId.remove(serverId);
      }
      ws = state == LinkState.LIVE ? socket : null;
    }
    if (ws != null && serverId != null) {
      send(ws, new Unsubscribe("un-" + ids.incrementAndGet(), serverId));
    }
  }

  private void open(long mine) {
    URI target;
    synchronized (this) {
      if (closed || mine != generation) {
        return;
      }
      target = endpoint;
    }
    http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(target, new Receiver(mine))
        .whenComplete((ws, error) -> {
          if (error != null) {
            LOG.debug("Realtime channel {} could not be opened: {}", target, error.toString());
            retry(mine);
            return;
          }
          boolean keep;
          synchronized (this) {
            keep = !closed && mine == generation;
            if (keep) {
              socket = ws;
            }
          }
          if (!keep) {
            ws.abort();
          }
        });
  }

  private void retry(long mine) {
    Duration wait;
    synchronized (this) {
      if (closed || mine != generation) {
        return;
      }
      socket = null;
      byServerId.clear();
      subscriptions.values().forEach(s -> s.serverId = null);
      wait = backoff;
      Duration doubled = backoff.multipliedBy(2);
      backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }
    setState(LinkState.RECONNECTING);
    try {
      scheduler.schedule(() -> open(mine), wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
      // closed meanwhile
    }
  }

  private void handle(WebSocket ws, long mine, String frame) {
    DecodeResult<RealtimeMessage> decoded = codec.decode(frame);
    if (!(decoded instanceof DecodeResult.Decoded<RealtimeMessage>(RealtimeMessage message))) {
      LOG.debug("Ignoring a realtime frame this version cannot read: {}", decoded);
      return;
    }
    switch (message) {
      case Welcome w -> {
        List<Local> toSend;
        synchronized (this) {
          if (mine != generation) {
            return;
          }
          backoff = initialBackoff;
          toSend = List.copyOf(subscriptions.values());
          state = LinkState.LIVE;
        }
        notifyState(LinkState.LIVE);
        toSend.forEach(s -> send(ws, new Subscribe(s.requestId, s.types, s.filter)));
      }
      case SubscriptionAck ack -> {
        boolean closedBeforeAck;
        synchronized (this) {
          Local local = subscriptions.get(ack.requestId());
          closedBeforeAck = local == null;
          if (local != null) {
            local.serverId = ack.subscriptionId();
            byServerId.put(ack.subscriptionId(), local);
          }
        }
        if (closedBeforeAck) {
          // closed by the view model before the server answered: request ids are ours alone
          send(ws, new Unsubscribe("un-" + ids.incrementAndGet(), ack.subscriptionId()));
        }
      }
      case Event e -> {
        Local local;
        synchronized (this) {
          local = byServerId.get(e.subscriptionId());
        }
        if (local != null) {
          ui.execute(() -> {
            if (local.active) {
              local.listener.accept(e);
            }
          });
        }
      }
      case RealtimeError err -> LOG.warn("The backend refused a realtime request {}: {} ({}) {}",
          err.requestId().orElse("-"), err.name(), err.code(), err.message());
      case Pong p -> { }
      case UnsubscriptionAck a -> { }
      case Subscribe s -> { }
      case Unsubscribe u -> { }
      case Ping p -> { }
    }
  }

  private void send(WebSocket ws, RealtimeMessage message) {
    try {
      synchronized (ws) {
        ws.sendText(codec.encode(message), true).get(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      LOG.debug("Could not send {} on the realtime channel: {}", message.getClass().getSimpleName(), e.toString());
      ws.abort();
    }
  }

  private void setState(LinkState next) {
    synchronized (this) {
      if (state == next) {
        return;
      }
      state = next;
    }
    notifyState(next);
  }

  private void notifyState(LinkState next) {
    for (Consumer<LinkState> l : stateListeners) {
      ui.execute(() -> l.accept(next));
    }
  }

  @Override
  public void close() {
    WebSocket ws;
    synchronized (this) {
      closed = true;
      ws = socket;
      socket = null;
      generation++;
    }
    if (ws != null) {
      ws.abort();
    }
    scheduler.shutdownNow();
  }

  /** A subscription as the view model made it; {@code serverId} is known once acked on this connection. */
  private static final class Local {
    final String requestId;
    final List<EventType> types;
    final SubscriptionFilter filter;
    final Consumer<Event> listener;
    volatile String serverId;
    volatile boolean active = true;

    Local(String requestId, List<EventType> types, SubscriptionFilter filter, Consumer<Event> listener) {
      this.requestId = requestId;
      this.types = types;
      this.filter = filter;
      this.listener = listener;
    }
  }

  /** Assembles text frames and hands them to {@link #handle}; a close or failure schedules a reconnect. */
  private final class Receiver implements WebSocket.Listener {
    private final long mine;
    private final StringBuilder partial = new StringBuilder();

    Receiver(long mine) {
      this.mine = mine;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        try {
          handle(ws, mine, frame);
        } catch (RuntimeException e) {
          LOG.warn("Could not handle a realtime frame", e);
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      LOG.debug("Realtime channel closed: {} {}", statusCode, reason);
      retry(mine);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      LOG.debug("Realtime channel failed: {}", error.toString());
      retry(mine);
    }
  }
}
