package ai.kinitro.devchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.chain.rpc.HttpJsonRpcTransport;
import ai.kinitro.common.chain.rpc.JsonRpcException;
import ai.kinitro.common.chain.rpc.Subscription;
import ai.kinitro.common.chain.rpc.WebSocketJsonRpcTransport;
import ai.kinitro.devchain.DevChain;
import ai.kinitro.devchain.DevChainConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The JSON shapes and error codes of the RPC methods, as a substrate node answers them, over a real socket. */
class RpcShapesTest {
  private static DevChain chain;
  private static WebSocketJsonRpcTransport ws;
  private static HttpJsonRpcTransport http;

  @BeforeAll
  static void start() {
    chain = DevChain.start(DevChainConfig.forTests());
    chain.advance(3);
    ws = WebSocketJsonRpcTransport.connect(chain.url());
    http = new HttpJsonRpcTransport(chain.httpUrl(), Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() {
    ws.close();
    http.close();
    chain.close();
  }

  @Test
  void headersCarryTheirNumberAsHexAndHashTheirParent() {
    long best = chain.bestNumber();
    JsonNode header = ws.call("chain_getHeader", List.of(ws.call("chain_getBlockHash", List.of(best)).asString()));

    assertThat(header.get("number").asString()).isEqualTo("0x" + Long.toHexString(best));
    assertThat(header.get("parentHash").asString())
        .isEqualTo(ws.call("chain_getBlockHash", List.of(best - 1)).asString());
    assertThat(header.get("digest").get("logs").isArray()).isTrue();
    assertThat(header.get("stateRoot").asString()).matches("0x[0-9a-f]{64}");
  }

  @Test
  void blockZeroIsTheGenesisHash() {
    assertThat(http.call("chain_getBlockHash", List.of(0)).asString()).isEqualTo(chain.genesisHash().toHex());
    assertThat(http.call("chain_getBlockHash", List.of("0x0")).asString()).isEqualTo(chain.genesisHash().toHex());
    assertThat(http.call("chain_getBlockHash", List.of(999)).isNull()).isTrue();
  }

  @Test
  void systemPropertiesAreBittensorsAndTheRuntimeIsNodeSubtensor() {
    JsonNode properties = http.call("system_properties", List.of());
    JsonNode version = http.call("state_getRuntimeVersion", List.of());

    assertThat(properties.get("ss58Format").asInt()).isEqualTo(42);
    assertThat(properties.get("tokenDecimals").asInt()).isEqualTo(9);
    assertThat(properties.get("tokenSymbol").asString()).isEqualTo("TAO");
    assertThat(version.get("specName").asString()).isEqualTo("node-subtensor");
    assertThat(version.get("specVersion").asLong()).isEqualTo(425);
    assertThat(version.get("transactionVersion").asLong()).isEqualTo(1);
  }

  @Test
  void metadataStartsWithTheMagicAndVersion14() {
    assertThat(http.call("state_getMetadata", List.of()).asString()).startsWith("0x6d6574610e");
  }

  @Test
  void anUnknownMethodIsMethodNotFound() {
    assertThatThrownBy(() -> ws.call("state_doesNotExist", List.of()))
        .isInstanceOfSatisfying(JsonRpcException.class, e -> assertThat(e.rpcCode()).isEqualTo(-32601));
  }

  @Test
  void anUnknownBlockHashIsAClientError() {
    String unknown = "0x" + "ab".repeat(32);

    assertThatThrownBy(() -> ws.call("state_getStorage", List.of("0x00", unknown)))
        .isInstanceOfSatisfying(JsonRpcException.class, e -> {
          assertThat(e.rpcCode()).isEqualTo(4003);
          assertThat(e.rpcMessage()).contains("UnknownBlock");
        });
    assertThat(ws.call("chain_getHeader", List.of(unknown)).isNull()).isTrue();
  }

  @Test
  void subscriptionsNeedAWebSocket() {
    assertThatThrownBy(() -> http.call("chain_subscribeNewHeads", List.of()))
        .isInstanceOfSatisfying(JsonRpcException.class, e -> assertThat(e.rpcCode()).isEqualTo(-32601));
  }

  @Test
  void newHeadSubscribersHearTheCurrentHeadThenEachNewBlock() throws Exception {
    List<String> numbers = new CopyOnWriteArrayList<>();
    try (Subscription ignored = ws.subscribe("chain_subscribeNewHeads", List.of(), "chain_unsubscribeNewHeads",
        header -> numbers.add(header.get("number").asString()))) {
      long before = chain.bestNumber();
      waitFor(() -> numbers.size() == 1);
      chain.advance(2);
      waitFor(() -> numbers.size() == 3);

      assertThat(numbers).containsExactly("0x" + Long.toHexString(before), "0x" + Long.toHexString(before + 1),
          "0x" + Long.toHexString(before + 2));
    }
  }

  @Test
  void aGetRequestIsNotAllowed() throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(chain.httpUrl() + "/")).GET()
          .build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(405);
    }
  }

  @Test
  void aBatchIsAnsweredInOrder() throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      String batch = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system_chain\",\"params\":[]},"
          + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\",\"params\":[]}]";
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(chain.httpUrl())
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(batch)).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(response.body()).isEqualTo("[{\"jsonrpc\":\"2.0\",\"result\":\"Kinitro Dev Chain\",\"id\":1},"
          + "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\",\"data\":\"no method nope\"},"
          + "\"id\":2}]");
    }
  }

  @Test
  void invalidJsonIsAParseError() throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(chain.httpUrl())
          .POST(HttpRequest.BodyPublishers.ofString("{nope")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.body())
          .isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}");
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met in time");
      }
      Thread.sleep(20);
    }
  }
}
