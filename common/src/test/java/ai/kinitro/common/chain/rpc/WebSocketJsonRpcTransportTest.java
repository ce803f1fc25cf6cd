package ai.kinitro.common.chain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class WebSocketJsonRpcTransportTest {
  private final List<MiniWebSocketServer.Connection> heads = new CopyOnWriteArrayList<>();
  private final AtomicInteger subscribeCalls = new AtomicInteger();
  private final CopyOnWriteArrayList<MiniWebSocketServer.Connection> slowCallers = new CopyOnWriteArrayList<>();
  private MiniWebSocketServer server;
  private WebSocketJsonRpcTransport transport;

  /** A tiny JSON-RPC node: echo, add, fail, slow (never answers), a new-heads subscription. */
  private void onText(MiniWebSocketServer.Connection connection, String text) {
    JsonNode request = JsonRpcCodec.parse(text);
    long id = request.get("id").asLong();
    JsonNode params = request.get("params");
    ObjectNode response = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0").put("id", id);
    switch (request.get("method").asString()) {
      case "echo" -> response.set("result", params.get(0));
      case "add" -> response.put("result", params.get(0).asLong() + params.get(1).asLong());
      case "fail" -> {
        ObjectNode error = response.putObject("error").put("code", 1010).put("message", "Invalid Transaction");
        error.put("data", "Custom error: 6");
      }
      case "slow" -> {
        slowCallers.add(connection);
        return;
      }
      case "chain_subscribeNewHeads" -> {
        response.put("result", "heads-" + subscribeCalls.incrementAndGet());
        heads.add(connection);
      }
      case "chain_unsubscribeNewHeads" -> response.put("result", true);
      default -> response.putObject("error").put("code", -32601).put("message", "Method not found");
    }
    connection.sendText(response.toString());
  }

  private void pushHead(long number) {
    for (MiniWebSocketServer.Connection connection : heads) {
      if (connection.isOpen()) {
        ObjectNode notification = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0")
            .put("method", "chain_newHead");
        ObjectNode params = notification.putObject("params").put("subscription", "heads-" + subscribeCalls.get());
        params.putObject("result").put("number", "0x" + Long.toHexString(number));
        connection.sendText(notification.toString());
      }
    }
  }

  private WebSocketJsonRpcTransport connect() throws IOException {
    server = new MiniWebSocketServer(this::onText);
    transport = WebSocketJsonRpcTransport.builder(server.uri())
        .defaultTimeout(Duration.ofSeconds(5))
        .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
        .connect();
    return transport;
  }

  @AfterEach
  void tearDown() throws IOException {
    if (transport != null) {
      transport.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void answersARequestWithItsResult() throws IOException {
    connect();
    assertThat(transport.call("add", List.of(2, 40)).asLong()).isEqualTo(42);
    assertThat(transport.call("echo", List.of("0xabcdef")).asString()).isEqualTo("0xabcdef");
  }

  @Test
  void routesConcurrentResponsesToTheirOwnRequests() throws Exception {
    connect();
    List<CompletableFuture<Long>> sums = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 20; i++) {
      int n = i;
      sums.add(CompletableFuture.supplyAsync(() -> transport.call("add", List.of(n, 1000)).asLong()));
    }
    for (int i = 0; i < 20; i++) {
      assertThat(sums.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(1000L + i);
    }
  }

  @Test
  void keepsTheCodeMessageAndDataOfAJsonRpcError() throws IOException {
    connect();
    assertThatThrownBy(() -> transport.call("fail", List.of()))
        .isInstanceOfSatisfying(JsonRpcException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_RPC_ERROR);
          assertThat(e.rpcCode()).isEqualTo(1010);
          assertThat(e.rpcMessage()).isEqualTo("Invalid Transaction");
          assertThat(e.dataText()).isEqualTo("Custom error: 6");
        });
  }

  @Test
  void failsARequestThatGetsNoAnswerWithinItsTimeout() throws IOException {
    connect();
    long start = System.nanoTime();
    assertThatThrownBy(() -> transport.call("slow", List.of(), Duration.ofMillis(200)))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_REQUEST_TIMEOUT))
        .hasMessageContaining("slow");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(transport.call("add", List.of(1, 1)).asLong()).isEqualTo(2);
  }

  @Test
  void deliversSubscriptionNotificationsToTheListener() throws Exception {
    connect();
    BlockingQueue<Long> numbers = new LinkedBlockingQueue<>();
    Subscription subscription = transport.subscribe("chain_subscribeNewHeads", List.of(), "chain_unsubscribeNewHeads",
        head -> numbers.add(Long.decode(head.get("number").asString())));
    assertThat(subscription.id()).isEqualTo("heads-1");
    pushHead(7);
    pushHead(8);
    assertThat(numbers.poll(5, TimeUnit.SECONDS)).isEqualTo(7);
    assertThat(numbers.poll(5, TimeUnit.SECONDS)).isEqualTo(8);
  }

  @Test
  void failsPendingRequestsAtOnceWhenTheConnectionDrops() throws Exception {
    connect();
    CompletableFuture<JsonNode> pending =
        CompletableFuture.supplyAsync(() -> transport.call("slow", List.of(), Duration.ofSeconds(10)));
    waitUntil(() -> !slowCallers.isEmpty());
    server.dropAll();
    assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_CONNECTION_LOST))
        .hasMessageContaining("dropped");
  }

  @Test
  void reconnectsAndSubscribesAgainAfterTheConnectionDrops() throws Exception {
    connect();
    BlockingQueue<Long> numbers = new LinkedBlockingQueue<>();
    transport.subscribe("chain_subscribeNewHeads", List.of(), "chain_unsubscribeNewHeads",
        head -> numbers.add(Long.decode(head.get("number").asString())));
    pushHead(1);
    assertThat(numbers.poll(5, TimeUnit.SECONDS)).isEqualTo(1);

    server.dropAll();
    waitUntil(() -> subscribeCalls.get() == 2);
    pushHead(2);

    assertThat(numbers.poll(5, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(transport.connectionCount()).isEqualTo(2);
    assertThat(transport.call("add", List.of(3, 4)).asLong()).isEqualTo(7);
  }

  @Test
  void endsAOneShotSubscriptionWithAnErrorInsteadOfResendingIt() throws Exception {
    connect();
    CompletableFuture<KinitroException> ended = new CompletableFuture<>();
    transport.subscribe("chain_subscribeNewHeads", List.of(), null, new SubscriptionListener() {
      @Override
      public void onNotification(JsonNode result) {}

      @Override
      public void onError(KinitroException error) {
        ended.complete(error);
      }

      @Override
      public boolean resubscribeOnReconnect() {
        return false;
      }
    });
    server.dropAll();
    assertThat(ended.get(5, TimeUnit.SECONDS).code()).isEqualTo(ErrorCode.CHAIN_CONNECTION_LOST);
    waitUntil(() -> transport.connectionCount() == 2);
    assertThat(subscribeCalls.get()).isEqualTo(1);
  }

  @Test
  void treatsAConnectionThatStopsAnsweringPingsAsDroppedAndReconnects() throws Exception {
    server = new MiniWebSocketServer(this::onText);
    transport = WebSocketJsonRpcTransport.builder(server.uri())
        .keepAlive(Duration.ofMillis(100))
        .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
        .connect();
    server.connections().getFirst().mute();
    // A loaded machine may miss a 100 ms pong on the new connection too: at least one reconnect.
    waitUntil(() -> transport.connectionCount() >= 2);
    assertThat(transport.call("add", List.of(20, 22)).asLong()).isEqualTo(42);
  }

  @Test
  void reportsAnEndpointWithNothingListeningAsUnreachable() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    assertThatThrownBy(() -> WebSocketJsonRpcTransport.builder(URI.create("ws://127.0.0.1:" + port))
        .connectTimeout(Duration.ofSeconds(2)).connect())
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_UNREACHABLE))
        .hasMessageContaining("127.0.0.1:" + port);
  }

  @Test
  void doublesTheReconnectDelayUpToTheCapWithJitterInTheUpperHalf() throws IOException {
    server = new MiniWebSocketServer(this::onText);
    RandomGenerator maxJitter = new RandomGenerator() {
      @Override
      public long nextLong() {
        return Long.MAX_VALUE;
      }

      @Override
      public long nextLong(long bound) {
        return bound - 1;
      }
    };
    transport = WebSocketJsonRpcTransport.builder(server.uri())
        .reconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(1000)).random(maxJitter).connect();
    assertThat(List.of(0, 1, 2, 3, 4, 40)).map(transport::backoffMillis)
        .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
    WebSocketJsonRpcTransport minJitter = WebSocketJsonRpcTransport.builder(server.uri())
        .reconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(1000)).random(new RandomGenerator() {
          @Override
          public long nextLong() {
            return 0;
          }

          @Override
          public long nextLong(long bound) {
            return 0;
          }
        }).connect();
    try {
      assertThat(List.of(0, 1, 4)).map(minJitter::backoffMillis).containsExactly(50L, 100L, 500L);
    } finally {
      minJitter.close();
    }
  }

  @Test
  void refusesCallsAfterItIsClosed() throws IOException {
    connect();
    transport.close();
    assertThatThrownBy(() -> transport.call("add", List.of(1, 2)))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_CONNECTION_LOST));
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 5 s");
      }
      Thread.sleep(10);
    }
  }
}
