package ai.kinitro.common.chain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HttpJsonRpcTransportTest {
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private HttpJsonRpcTransport transport;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    transport = new HttpJsonRpcTransport(uri(), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    transport.close();
    server.stop(0);
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void handle(HttpExchange exchange) throws IOException {
    JsonNode request = JsonRpcCodec.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    received.add(request);
    long id = request.get("id").asLong();
    String method = request.get("method").asString();
    int status = 200;
    String body = switch (method) {
      case "chain_getBlockHash" -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"0x2f05\"}";
      case "state_getStorage" -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":null}";
      case "author_submitExtrinsic" -> "{\"jsonrpc\":\"2.0\",\"id\":" + id
          + ",\"error\":{\"code\":1010,\"message\":\"Invalid Transaction\",\"data\":\"Transaction is outdated\"}}";
      case "slow" -> {
        try {
          Thread.sleep(2000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        yield "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":1}";
      }
      default -> {
        status = 503;
        yield "node is starting";
      }
    };
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void postsAJsonRpc2RequestAndReturnsItsResult() {
    assertThat(transport.call("chain_getBlockHash", List.of(0)).asString()).isEqualTo("0x2f05");
    JsonNode request = received.getFirst();
    assertThat(request.get("jsonrpc").asString()).isEqualTo("2.0");
    assertThat(request.get("method").asString()).isEqualTo("chain_getBlockHash");
    assertThat(request.get("params").toString()).isEqualTo("[0]");
  }

  @Test
  void returnsJsonNullForAMissingStorageValue() {
    assertThat(transport.call("state_getStorage", List.of("0x26aa")).isNull()).isTrue();
  }

  @Test
  void keepsTheCodeMessageAndDataOfAJsonRpcError() {
    assertThatThrownBy(() -> transport.call("author_submitExtrinsic", List.of("0x00")))
        .isInstanceOfSatisfying(JsonRpcException.class, e -> {
          assertThat(e.rpcCode()).isEqualTo(1010);
          assertThat(e.rpcMessage()).isEqualTo("Invalid Transaction");
          assertThat(e.dataText()).isEqualTo("Transaction is outdated");
        });
  }

  @Test
  void reportsAnHttpErrorWithoutJsonAsAnRpcError() {
    assertThatThrownBy(() -> transport.call("unknown", List.of()))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_RPC_ERROR))
        .hasMessageContaining("HTTP 503");
  }

  @Test
  void failsARequestThatGetsNoAnswerWithinItsTimeout() {
    assertThatThrownBy(() -> transport.call("slow", List.of(), Duration.ofMillis(200)))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_REQUEST_TIMEOUT));
  }

  @Test
  void reportsAClosedPortAsUnreachable() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (HttpJsonRpcTransport nowhere =
        new HttpJsonRpcTransport(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2))) {
      assertThatThrownBy(() -> nowhere.call("chain_getHeader", List.of()))
          .isInstanceOfSatisfying(KinitroException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_UNREACHABLE));
    }
  }

  @Test
  void refusesSubscriptions() {
    assertThat(transport.supportsSubscriptions()).isFalse();
    assertThatThrownBy(() -> transport.subscribe("chain_subscribeNewHeads", List.of(), null, r -> { }))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_UNSUPPORTED_RUNTIME))
        .hasMessageContaining("ws://");
  }

  @Test
  void fallsBackToHttpForCallsWhileTheWebSocketIsDown() throws Exception {
    MiniWebSocketServer ws = new MiniWebSocketServer((connection, text) -> { });
    WebSocketJsonRpcTransport primary = WebSocketJsonRpcTransport.builder(ws.uri())
        .reconnectBackoff(Duration.ofSeconds(30), Duration.ofSeconds(60)).connect();
    try (FailoverJsonRpcTransport failover = new FailoverJsonRpcTransport(primary, transport)) {
      ws.close();
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (primary.isConnected() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(failover.call("chain_getBlockHash", List.of(0)).asString()).isEqualTo("0x2f05");
      assertThat(received).hasSize(1);
    }
  }
}
