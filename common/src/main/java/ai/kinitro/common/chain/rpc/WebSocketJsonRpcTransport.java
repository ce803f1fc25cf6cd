package ai.kinitro.common.chain.rpc;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * JSON-RPC over one WebSocket ({@code java.net.http.WebSocket}), with request ids, subscriptions
 * and automatic reconnect.
 *
 * <ul>
 *   <li>Each request waits for its own response up to its timeout ({@code CHAIN_REQUEST_TIMEOUT}).
 *   <li>When the connection drops, every pending request fails at once with {@code
 *       CHAIN_CONNECTION_LOST}, and the transport reconnects in the background with exponential
 *       backoff (doubling from {@code reconnectInitialDelay} up to {@code reconnectMaxDelay}, each
 *       delay drawn uniformly from its upper half).
 *   <li>After a reconnect every open subscription is sent again and keeps its listener; listeners
 *       that do not {@linkplain SubscriptionListener#resubscribeOnReconnect() re-subscribe} get
 *       {@code onError} instead.
 *   <li>Calls made while disconnected wait for the reconnect up to their timeout, then fail with
 *       {@code CHAIN_UNREACHABLE}.
 * </ul>
 */
public final class WebSocketJsonRpcTransport implements JsonRpcTransport {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketJsonRpcTransport.class);

  private final URI endpoint;
  private final Duration defaultTimeout;
  private final Duration connectTimeout;
  private final Duration reconnectInitialDelay;
  private final Duration reconnectMaxDelay;
  private final RandomGenerator random;
  private final Duration keepAlive;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;

  private final Object lock = new Object();
  private final Object sendLock = new Object();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong localSubscriptionIds = new AtomicLong();
  private final AtomicInteger connections = new AtomicInteger();
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final Map<Long, ActiveSubscription> subscriptions = new ConcurrentHashMap<>();
  private final Map<String, ActiveSubscription> byServerId = new ConcurrentHashMap<>();

  private WebSocket socket;
  private int generation;
  private CompletableFuture<WebSocket> connected = new CompletableFuture<>();
  private volatile boolean closed;
  private volatile long lastInbound = System.nanoTime();

  private WebSocketJsonRpcTransport(Builder builder) {
    this.endpoint = builder.endpoint;
    this.defaultTimeout = builder.defaultTimeout;
    this.connectTimeout = builder.connectTimeout;
    this.reconnectInitialDelay = builder.reconnectInitialDelay;
    this.reconnectMaxDelay = builder.reconnectMaxDelay;
    this.random = builder.random;
    this.keepAlive = builder.keepAlive;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "chain-ws-reconnect");
      thread.setDaemon(true);
      return thread;
    });
  }

  public static Builder builder(URI endpoint) {
    return new Builder(endpoint);
  }

  /** Connects with default settings (30 s request timeout). */
  public static WebSocketJsonRpcTransport connect(URI endpoint) {
    return builder(endpoint).connect();
  }

  public URI endpoint() {
    return endpoint;
  }

  /** True while a connection is open. */
  public boolean isConnected() {
    synchronized (lock) {
      return socket != null;
    }
  }

  /** How many times a connection was opened (1 after the first connect, +1 per reconnect). */
  public int connectionCount() {
    return connections.get();
  }

  @Override
  public JsonNode call(String method, List<?> params) {
    return call(method, params, defaultTimeout);
  }

  @Override
  public JsonNode call(String method, List<?> params, Duration timeout) {
    return send(method, params, timeout, null);
  }

  @Override
  public Subscription subscribe(String method, List<?> params, String unsubscribeMethod, SubscriptionListener listener) {
    Objects.requireNonNull(listener, "listener");
    ActiveSubscription subscription = new ActiveSubscription(
        localSubscriptionIds.incrementAndGet(), method, params == null ? List.of() : List.copyOf(params),
        unsubscribeMethod, listener);
    subscriptions.put(subscription.localId, subscription);
    try {
      send(method, subscription.params, defaultTimeout, subscription);
    } catch (RuntimeException e) {
      subscriptions.remove(subscription.localId);
      throw e;
    }
    return subscription;
  }

  @Override
  public boolean supportsSubscriptions() {
    return true;
  }

  @Override
  public void close() {
    WebSocket open;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      open = socket;
      socket = null;
      generation++;
      connected.completeExceptionally(lost("the transport was closed"));
    }
    scheduler.shutdownNow();
    failPending("the transport was closed");
    subscriptions.clear();
    byServerId.clear();
    if (open != null) {
      try {
        open.sendClose(WebSocket.NORMAL_CLOSURE, "closing").get(1, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.debug("close handshake with {} failed: {}", endpoint, e.toString());
      } finally {
        open.abort();
      }
    }
    http.shutdownNow();
  }

  // --- requests ----------------------------------------------------------------------------

  private JsonNode send(String method, List<?> params, Duration timeout, ActiveSubscription bind) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Connection connection = awaitConnection(method, timeout, deadline);
    long id = ids.incrementAndGet();
    Pending request = new Pending(method, new CompletableFuture<>(), bind);
    pending.put(id, request);
    String text = JsonRpcCodec.request(id, method, params).toString();
    try {
      synchronized (sendLock) {
        connection.socket.sendText(text, true).get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      pending.remove(id);
      Thread.currentThread().interrupt();
      throw lost("interrupted while sending " + method);
    } catch (ExecutionException | TimeoutException e) {
      pending.remove(id);
      disconnected(connection.generation, "sending failed: " + e);
      throw lost("the connection to " + endpoint + " failed while sending " + method);
    }
    try {
      return request.future.get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pending.remove(id);
      throw new KinitroException(ErrorCode.CHAIN_REQUEST_TIMEOUT, "the chain node at " + endpoint + " did not answer "
          + method + " within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      pending.remove(id);
      Thread.currentThread().interrupt();
      throw lost("interrupted while waiting for " + method);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof KinitroException known) {
        throw known instanceof JsonRpcException rpc
            ? new JsonRpcException(rpc.code(), method, rpc.rpcCode(), rpc.rpcMessage(), rpc.data().orElse(null))
            : new KinitroException(known.code(), known.getMessage(), known);
      }
      throw new KinitroException(ErrorCode.INTERNAL_ERROR, "unexpected failure in " + method, e.getCause());
    }
  }

  private Connection awaitConnection(String method, Duration timeout, long deadline) {
    CompletableFuture<WebSocket> current;
    synchronized (lock) {
      if (closed) {
        throw lost("the transport to " + endpoint + " is closed; cannot send " + method);
      }
      if (socket != null) {
        return new Connection(socket, generation);
      }
      current = connected;
    }
    try {
      current.get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new KinitroException(ErrorCode.CHAIN_UNREACHABLE, "not connected to the chain node at " + endpoint
          + " (reconnecting) and no connection came back within " + timeout.toMillis() + " ms for " + method);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw lost("interrupted while waiting for a connection");
    }
    return awaitConnection(method, timeout, deadline);
  }

  private static long remainingNanos(long deadline) {
    return Math.max(1, deadline - System.nanoTime());
  }

  // --- incoming ----------------------------------------------------------------------------

  private void onMessage(String text) {
    JsonNode message;
    try {
      message = JsonRpcCodec.parse(text);
    } catch (KinitroException e) {
      LOG.warn("ignoring a frame from {} that is not JSON", endpoint);
      return;
    }
    JsonNode id = message.get("id");
    if (id != null && !id.isNull() && (message.has("result") || message.has("error"))) {
      Pending request = pending.remove(id.asLong());
      if (request == null) {
        return;
      }
      try {
        JsonNode result = JsonRpcCodec.resultOrThrow(request.method, message);
        if (request.bind != null) {
          request.bind.bind(result.isString() ? result.asString() : result.toString());
        }
        request.future.complete(result);
      } catch (KinitroException e) {
        request.future.completeExceptionally(e);
      }
      return;
    }
    JsonNode params = message.get("params");
    if (message.has("method") && params != null && params.has("subscription")) {
      JsonNode serverId = params.get("subscription");
      ActiveSubscription subscription =
          byServerId.get(serverId.isString() ? serverId.asString() : serverId.toString());
      if (subscription != null) {
        try {
          subscription.listener.onNotification(params.get("result"));
        } catch (RuntimeException e) {
          LOG.warn("subscription listener for {} failed", subscription.method, e);
        }
      }
    }
  }

  private void disconnected(int closedGeneration, String why) {
    synchronized (lock) {
      if (closed || closedGeneration != generation || socket == null) {
        return;
      }
      socket.abort();
      socket = null;
      generation++;
      connected = new CompletableFuture<>();
    }
    LOG.warn("connection to chain node {} lost ({}); reconnecting", endpoint, why);
    failPending("the connection to " + endpoint + " dropped (" + why + ") before the answer arrived");
    byServerId.clear();
    for (ActiveSubscription subscription : List.copyOf(subscriptions.values())) {
      if (!subscription.listener.resubscribeOnReconnect()) {
        subscriptions.remove(subscription.localId);
        notifyError(subscription, lost("the connection to " + endpoint + " dropped; " + subscription.method
            + " is not re-sent automatically"));
      }
    }
    scheduleReconnect(0);
  }

  private void failPending(String why) {
    for (Long id : List.copyOf(pending.keySet())) {
      Pending request = pending.remove(id);
      if (request != null) {
        request.future.completeExceptionally(lost(why + " [" + request.method + "]"));
      }
    }
  }

  // --- connecting --------------------------------------------------------------------------

  private void openConnection() {
    int newGeneration;
    synchronized (lock) {
      newGeneration = generation;
    }
    WebSocket webSocket;
    try {
      webSocket = http.newWebSocketBuilder()
          .connectTimeout(connectTimeout)
          .buildAsync(endpoint, new FrameListener(newGeneration))
          .get(connectTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(e);
    } catch (ExecutionException | TimeoutException e) {
      throw unreachable(e.getCause() == null ? e : e.getCause());
    }
    CompletableFuture<WebSocket> toComplete;
    synchronized (lock) {
      if (closed || generation != newGeneration) {
        webSocket.abort();
        throw lost("the transport was closed while connecting");
      }
      socket = webSocket;
      lastInbound = System.nanoTime();
      toComplete = connected;
    }
    connections.incrementAndGet();
    toComplete.complete(webSocket);
  }

  private void startKeepAlive() {
    long period = keepAlive.toMillis();
    scheduler.scheduleWithFixedDelay(this::keepAliveTick, period, period, TimeUnit.MILLISECONDS);
  }

  private void keepAliveTick() {
    Connection connection;
    synchronized (lock) {
      if (closed || socket == null) {
        return;
      }
      connection = new Connection(socket, generation);
    }
    if (System.nanoTime() - lastInbound > 3 * keepAlive.toNanos()) {
      disconnected(connection.generation(), "no frame or pong for " + 3 * keepAlive.toMillis() + " ms");
      return;
    }
    try {
      synchronized (sendLock) {
        connection.socket().sendPing(java.nio.ByteBuffer.allocate(0)).get(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      disconnected(connection.generation(), "ping failed: " + e);
    }
  }

  private void scheduleReconnect(int attempt) {
    if (closed) {
      return;
    }
    long delay = backoffMillis(attempt);
    try {
      scheduler.schedule(() -> reconnect(attempt), delay, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("reconnect not scheduled: transport closed");
    }
  }

  /** Delay before reconnect attempt {@code attempt} (0-based): doubling, capped, upper-half jitter. */
  long backoffMillis(int attempt) {
    long base = reconnectInitialDelay.toMillis();
    long cap = reconnectMaxDelay.toMillis();
    long delay = attempt >= 30 ? cap : Math.min(cap, base << attempt);
    long half = delay / 2;
    return half + random.nextLong(delay - half + 1);
  }

  private void reconnect(int attempt) {
    if (closed) {
      return;
    }
    try {
      openConnection();
    } catch (KinitroException e) {
      LOG.info("reconnect {} to {} failed: {}", attempt + 1, endpoint, e.getMessage());
      scheduleReconnect(attempt + 1);
      return;
    }
    LOG.info("reconnected to chain node {}", endpoint);
    for (ActiveSubscription subscription : List.copyOf(subscriptions.values())) {
      try {
        send(subscription.method, subscription.params, defaultTimeout, subscription);
      } catch (KinitroException e) {
        if (e.code() == ErrorCode.CHAIN_CONNECTION_LOST || e.code() == ErrorCode.CHAIN_UNREACHABLE) {
          return;
        }
        subscriptions.remove(subscription.localId);
        notifyError(subscription, e);
      }
    }
  }

  private static void notifyError(ActiveSubscription subscription, KinitroException error) {
    try {
      subscription.listener.onError(error);
    } catch (RuntimeException e) {
      LOG.warn("subscription listener for {} failed in onError", subscription.method, e);
    }
  }

  private KinitroException unreachable(Throwable cause) {
    return new KinitroException(ErrorCode.CHAIN_UNREACHABLE, "cannot open a WebSocket to the chain node at " + endpoint
        + " (" + cause + "); check the URL and that the node is running", cause);
  }

  private static KinitroException lost(String message) {
    return new KinitroException(ErrorCode.CHAIN_CONNECTION_LOST, message);
  }

  // --- types -------------------------------------------------------------------------------

  private record Connection(WebSocket socket, int generation) {}

  private record Pending(String method, CompletableFuture<JsonNode> future, ActiveSubscription bind) {}

  private final class ActiveSubscription implements Subscription {
    private final long localId;
    private final String method;
    private final List<?> params;
    private final String unsubscribeMethod;
    private final SubscriptionListener listener;
    private volatile String serverId;

    ActiveSubscription(long localId, String method, List<?> params, String unsubscribeMethod,
        SubscriptionListener listener) {
      this.localId = localId;
      this.method = method;
      this.params = params;
      this.unsubscribeMethod = unsubscribeMethod;
      this.listener = listener;
    }

    void bind(String id) {
      serverId = id;
      byServerId.put(id, this);
    }

    @Override
    public String id() {
      return serverId;
    }

    @Override
    public void close() {
      if (subscriptions.remove(localId) == null) {
        return;
      }
      String id = serverId;
      if (id == null) {
        return;
      }
      byServerId.remove(id);
      if (unsubscribeMethod != null && isConnected()) {
        try {
          call(unsubscribeMethod, List.of(id), Duration.ofSeconds(5));
        } catch (KinitroException e) {
          LOG.debug("{} for {} failed: {}", unsubscribeMethod, id, e.getMessage());
        }
      }
    }
  }

  private final class FrameListener implements WebSocket.Listener {
    private final int listenerGeneration;
    private final StringBuilder text = new StringBuilder();

    FrameListener(int generation) {
      this.listenerGeneration = generation;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      // Unbounded demand: frames are handled synchronously anyway, and a pending close or error
      // must never wait for demand (it would leave a dropped connection unnoticed).
      webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String message = text.toString();
        text.setLength(0);
        onMessage(message);
      }
      lastInbound = System.nanoTime();
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
      lastInbound = System.nanoTime();
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, java.nio.ByteBuffer message) {
      lastInbound = System.nanoTime();
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      disconnected(listenerGeneration, "closed by the node: " + statusCode + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      disconnected(listenerGeneration, String.valueOf(error));
    }
  }

  /** Settings; {@link #connect()} opens the first connection or fails with {@code CHAIN_UNREACHABLE}. */
  public static final class Builder {
    private final URI endpoint;
    private Duration defaultTimeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration reconnectInitialDelay = Duration.ofMillis(250);
    private Duration reconnectMaxDelay = Duration.ofSeconds(30);
    private RandomGenerator random = RandomGenerator.getDefault();
    private Duration keepAlive = Duration.ofSeconds(30);

    private Builder(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      String scheme = endpoint.getScheme();
      if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
        throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
            "a WebSocket endpoint must start with ws:// or wss://, got " + endpoint);
      }
    }

    public Builder defaultTimeout(Duration timeout) {
      this.defaultTimeout = positive(timeout, "defaultTimeout");
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** First reconnect delay and the cap; delays double in between and are jittered. */
    public Builder reconnectBackoff(Duration initial, Duration max) {
      this.reconnectInitialDelay = positive(initial, "initial");
      this.reconnectMaxDelay = positive(max, "max");
      if (max.compareTo(initial) < 0) {
        throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "the maximum reconnect delay must not be below the initial one");
      }
      return this;
    }

    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * How often to ping the node; a connection that shows no sign of life for three intervals
     * is treated as dropped (this catches half-open TCP connections).
     */
    public Builder keepAlive(Duration interval) {
      this.keepAlive = positive(interval, "keepAlive");
      return this;
    }

    public WebSocketJsonRpcTransport connect() {
      WebSocketJsonRpcTransport transport = new WebSocketJsonRpcTransport(this);
      try {
        transport.openConnection();
      } catch (KinitroException e) {
        transport.close();
        throw e;
      }
      transport.startKeepAlive();
      return transport;
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new KinitroException(ErrorCode.INVALID_ARGUMENT, name + " must be positive");
      }
      return value;
    }
  }
}
