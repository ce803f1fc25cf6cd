package ai.kinitro.desktop.testing;

import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.EventType;
import ai.kinitro.common.protocol.realtime.RealtimeMessage;
import ai.kinitro.common.protocol.realtime.RealtimeProtocol;
import ai.kinitro.common.protocol.realtime.Subscribe;
import ai.kinitro.common.protocol.realtime.SubscriptionAck;
import ai.kinitro.common.protocol.realtime.SubscriptionFilter;
import ai.kinitro.common.protocol.realtime.Unsubscribe;
import ai.kinitro.common.protocol.realtime.UnsubscriptionAck;
import ai.kinitro.common.protocol.realtime.Welcome;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP and WebSocket server (embedded Tomcat on loopback) standing in for the backend in
 * desktop tests. REST routes are registered per test ({@link #route}) and answer exactly what the
 * backend answers (JSON bodies, RFC 9457 problems); {@code /ws/client} speaks the realtime protocol
 * with the real codec: {@code welcome}, {@code subscribe}/{@code subscription_ack}, filtered {@code
 * event}s from {@link #publish}, {@code unsubscribe}. It can be stopped and started again on the
 * same port to test reconnection.
 */
public final class TestBackend implements AutoCloseable {
  public static final JsonMapper JSON = JsonMapper.builder().build();

  /** What a route sees of a request. */
  public record Request(String method, String path, Map<String, String> query, Matcher match, Optional<String> apiKey,
      Map<String, String> headers, byte[] body) {
    public JsonNode json() {
      return JSON.readTree(new String(body, StandardCharsets.UTF_8));
    }

    public String group(int i) {
      return match.group(i);
    }
  }

  /** What a route answers. */
  public record Response(int status, String contentType, byte[] body) {
    public static Response json(int status, Object body) {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      return new Response(status, "application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    public static Response ok(Object body) {
      return json(200, body);
    }

    /** An RFC 9457 problem with our code and name, as the backend sends it. */
    public static Response problem(int status, int code, String error, String detail) {
      var n = JSON.createObjectNode();
      n.put("type", "https://kinitro.ai/errors/" + error.toLowerCase().replace('_', '-'));
      n.put("title", error);
      n.put("status", status);
      n.put("detail", detail);
      n.put("code", code);
      n.put("error", error);
      return new Response(status, "application/problem+json", JSON.writeValueAsString(n).getBytes(StandardCharsets.UTF_8));
    }

    public static Response page(List<?> items) {
      var n = JSON.createObjectNode();
      n.set("items", JSON.valueToTree(items));
      n.put("total", items.size());
      n.put("limit", 1000);
      n.put("offset", 0);
      return ok(n);
    }
  }

  private record Route(String method, Pattern path, Function<Request, Response> handler) {}

  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<Session, Map<String, Subscribe>> subscriptions = new ConcurrentHashMap<>();
  private final List<String> framesReceived = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong subscriptionIds = new AtomicLong();
  private final ProtocolCodec<RealtimeMessage> codec = RealtimeProtocol.serverCodec();
  private final Path baseDir;
  private volatile CountDownLatch responseGate = new CountDownLatch(0);
  private Tomcat tomcat;
  private int port;

  public TestBackend() {
    try {
      baseDir = Files.createTempDirectory("kinitro-test-backend");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    route("GET", "/actuator/health", r -> Response.ok("{\"status\":\"UP\"}"));
    start(0);
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** Adds a route; later routes win over earlier ones with the same pattern. */
  public TestBackend route(String method, String pathRegex, Function<Request, Response> handler) {
    routes.addFirst(new Route(method, Pattern.compile(pathRegex), handler));
    return this;
  }

  /** Every REST request received, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Every WebSocket text frame received from clients. */
  public List<String> framesReceived() {
    return List.copyOf(framesReceived);
  }

  /** Makes every REST answer (but health) wait until {@link #releaseResponses()}: a slow backend. */
  public void holdResponses() {
    responseGate = new CountDownLatch(1);
  }

  /** Lets every held and later REST answer go. */
  public void releaseResponses() {
    responseGate.countDown();
  }

  /** Number of live subscriptions over all connections. */
  public int subscriptionCount() {
    return subscriptions.values().stream().mapToInt(Map::size).sum();
  }

  public int connectionCount() {
    return subscriptions.size();
  }

  /** Sends the event to every subscription whose types and filter accept it. */
  public int publish(EventPayload payload) {
    int sent = 0;
    for (var entry : subscriptions.entrySet()) {
      for (var sub : entry.getValue().entrySet()) {
        Subscribe s = sub.getValue();
        if (s.eventTypes().contains(EventType.of(payload)) && s.filters().accepts(payload)) {
          send(entry.getKey(), new Event(sub.getKey(), sequence.incrementAndGet(), Instant.now(), payload));
          sent++;
        }
      }
    }
    return sent;
  }

  public void stop() {
    try {
      subscriptions.keySet().forEach(s -> {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      });
      subscriptions.clear();
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts again on the same port (after {@link #stop}). */
  public void restart() {
    start(port);
  }

  @Override
  public void close() {
    stop();
  }

  private void start(int wanted) {
    tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setPort(wanted);
    connector.setProperty("address", "127.0.0.1");
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);
    Context ctx = tomcat.addContext("", baseDir.toString());
    Tomcat.addServlet(ctx, "api", new Api());
    ctx.addServletMappingDecoded("/*", "api");
    ctx.addServletContainerInitializer(new WsSci(), null);
    ctx.addServletContainerInitializer((classes, servletContext) -> {
      ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
      try {
        container.addEndpoint(ServerEndpointConfig.Builder.create(Realtime.class, RealtimeProtocol.PATH)
            .configurator(new ServerEndpointConfig.Configurator() {
              @Override
              @SuppressWarnings("unchecked")
              public <T> T getEndpointInstance(Class<T> type) {
                return (T) new Realtime();
              }
            }).build());
      } catch (jakarta.websocket.DeploymentException e) {
        throw new IllegalStateException(e);
      }
    }, null);
    try {
      tomcat.start();
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
    port = connector.getLocalPort();
  }

  private void send(Session session, RealtimeMessage message) {
    synchronized (session) {
      try {
        if (session.isOpen()) {
          session.getBasicRemote().sendText(codec.encode(message));
        }
      } catch (IOException e) {
        // the client went away
      }
    }
  }

  /** The REST side. */
  private final class Api extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String path = req.getRequestURI();
      Map<String, String> query = new java.util.LinkedHashMap<>();
      req.getParameterMap().forEach((k, v) -> query.put(k, v[0]));
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      java.util.Collections.list(req.getHeaderNames()).forEach(h -> headers.put(h.toLowerCase(), req.getHeader(h)));
      byte[] body = req.getInputStream().readAllBytes();
      Response answer = null;
      for (Route r : routes) {
        Matcher m = r.path.matcher(path);
        if (r.method.equals(req.getMethod()) && m.matches()) {
          Request request = new Request(req.getMethod(), path, query, m, Optional.ofNullable(req.getHeader("X-API-Key")),
              headers, body);
          if (!path.equals("/actuator/health")) {
            requests.add(request);
            awaitGate(responseGate);
          }
          answer = r.handler.apply(request);
          break;
        }
      }
      if (answer == null) {
        answer = Response.problem(404, 1001, "NOT_FOUND", "no route " + req.getMethod() + " " + path);
      }
      resp.setStatus(answer.status());
      resp.setContentType(answer.contentType());
      resp.getOutputStream().write(answer.body());
    }
  }

  /** The realtime side: one instance per connection. */
  public final class Realtime extends Endpoint {
    @Override
    public void onOpen(Session session, EndpointConfig config) {
      subscriptions.put(session, new ConcurrentHashMap<>());
      session.addMessageHandler(String.class, text -> onText(session, text));
      send(session, new Welcome(1, "c-test-" + session.getId(), Instant.now()));
    }

    @Override
    public void onClose(Session session, jakarta.websocket.CloseReason reason) {
      subscriptions.remove(session);
    }

    private void onText(Session session, String text) {
      framesReceived.add(text);
      DecodeResult<RealtimeMessage> decoded = codec.decode(text);
      if (!(decoded instanceof DecodeResult.Decoded<RealtimeMessage>(RealtimeMessage message))) {
        return;
      }
      Map<String, Subscribe> mine = subscriptions.get(session);
      if (message instanceof Subscribe s && mine != null) {
        String id = "s-" + subscriptionIds.incrementAndGet();
        mine.put(id, s);
        send(session, new SubscriptionAck(s.requestId(), id, s.eventTypes(), s.filters()));
      } else if (message instanceof Unsubscribe u && mine != null) {
        boolean removed = mine.remove(u.subscriptionId()) != null;
        send(session, new UnsubscriptionAck(u.requestId(), u.subscriptionId(), removed));
      }
    }
  }

  private static void awaitGate(CountDownLatch gate) {
    try {
      if (!gate.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("held responses were never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A subscription filter on one submission. */
  public static SubscriptionFilter submission(long id) {
    return new SubscriptionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(id));
  }
}
