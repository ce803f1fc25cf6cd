package ai.kinitro.devchain.rpc;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.devchain.node.DevNode;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The JSON-RPC server: one Jetty connector, WebSocket upgrades on any path and JSON-RPC over HTTP
 * POST, like a substrate node's port 9944.
 */
public final class RpcServer implements AutoCloseable {
  /** substrate's RPC port. */
  public static final int DEFAULT_PORT = 9944;
  /** The loopback address: the dev chain is for this machine only. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  private static final long MAX_MESSAGE_BYTES = 16L * 1024 * 1024;
  private static final Duration IDLE_TIMEOUT = Duration.ofHours(1);

  private final Server server;
  private final ServerConnector connector;

  private RpcServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /** Starts serving {@code node} on {@code host:port} ({@code port} 0 picks a free port). */
  public static RpcServer start(DevNode node, String host, int port) {
    JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(new RpcMethods(node));
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("devchain-rpc");
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    server.addConnector(connector);
    WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, container -> {
      container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
      container.setIdleTimeout(IDLE_TIMEOUT);
      container.addMapping("/*", (request, response, callback) -> new WebSocketSession(dispatcher));
    });
    ws.setHandler(new HttpHandler(dispatcher));
    server.setHandler(ws);
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      if (e instanceof BindException || e.getCause() instanceof BindException) {
        throw new KinitroException(ErrorCode.DEVCHAIN_PORT_UNAVAILABLE, "cannot listen on " + host + ":" + port
            + " (" + e.getMessage() + "); choose another --port or stop what uses it", e);
      }
      throw new KinitroException(ErrorCode.DEVCHAIN_PORT_UNAVAILABLE, "the RPC server did not start on " + host + ":"
          + port + ": " + e.getMessage(), e);
    }
    return new RpcServer(server, connector);
  }

  /** The port actually bound. */
  public int port() {
    return connector.getLocalPort();
  }

  public String host() {
    return connector.getHost();
  }

  @Override
  public void close() {
    stopQuietly(server);
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(RpcServer.class).debug("stopping the RPC server: {}", e.toString());
    }
  }

  /** JSON-RPC over HTTP POST; other methods get 405 like a substrate node. */
  private static final class HttpHandler extends Handler.Abstract {
    private static final RpcSession HTTP = new RpcSession() {
      @Override
      public boolean supportsSubscriptions() {
        return false;
      }

      @Override
      public Subscription openSubscription(String notificationMethod, Runnable onCancel) {
        throw new IllegalStateException("HTTP has no subscriptions");
      }

      @Override
      public boolean cancelSubscription(String id) {
        return false;
      }
    };

    private final JsonRpcDispatcher dispatcher;

    HttpHandler(JsonRpcDispatcher dispatcher) {
      this.dispatcher = dispatcher;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
      if (!"POST".equals(request.getMethod())) {
        response.setStatus(HttpStatus.METHOD_NOT_ALLOWED_405);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, "Used HTTP Method is not allowed. POST or OPTIONS is required\n", callback);
        return true;
      }
      String body = Content.Source.asString(request, StandardCharsets.UTF_8);
      String answer = dispatcher.handle(body, HTTP);
      response.setStatus(HttpStatus.OK_200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
      Content.Sink.write(response, true, answer == null ? "" : answer, callback);
      return true;
    }
  }

}
