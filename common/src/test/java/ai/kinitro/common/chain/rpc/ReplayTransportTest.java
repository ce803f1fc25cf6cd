package ai.kinitro.common.chain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayTransportTest {

  @Test
  void answersAStoredRequestByMethodAndExactParameters() {
    ReplayTransport replay = ReplayTransport.builder()
        .answer("chain_getBlockHash", List.of(0), "0x2f05")
        .answer("chain_getBlockHash", List.of(1), "0x1111")
        .build();
    assertThat(replay.call("chain_getBlockHash", List.of(1)).asString()).isEqualTo("0x1111");
    assertThat(replay.call("chain_getBlockHash", List.of(0)).asString()).isEqualTo("0x2f05");
  }

  @Test
  void answersRepeatedRequestsInOrderAndKeepsTheLastAnswer() {
    ReplayTransport replay = ReplayTransport.builder()
        .answer("chain_getHeader", List.of(), Map.of("number", "0x1"))
        .answer("chain_getHeader", List.of(), Map.of("number", "0x2"))
        .build();
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      numbers.add(replay.call("chain_getHeader", List.of()).get("number").asString());
    }
    assertThat(numbers).containsExactly("0x1", "0x2", "0x2");
  }

  @Test
  void failsLoudlyOnARequestItHasNoAnswerFor() {
    ReplayTransport replay = ReplayTransport.builder().answer("chain_getBlockHash", List.of(0), "0x2f05").build();
    assertThatThrownBy(() -> replay.call("chain_getBlockHash", List.of(5)))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_REPLAY_UNMATCHED))
        .hasMessageContaining("chain_getBlockHash [5]")
        .hasMessageContaining("chain_getBlockHash [0]");
  }

  @Test
  void replaysAStoredJsonRpcErrorWithItsCodeMessageAndData() {
    ReplayTransport replay = ReplayTransport.builder()
        .fail("author_submitExtrinsic", List.of("0x00"), 1010, "Invalid Transaction", "Custom error: 6").build();
    assertThatThrownBy(() -> replay.call("author_submitExtrinsic", List.of("0x00")))
        .isInstanceOfSatisfying(JsonRpcException.class, e -> {
          assertThat(e.rpcCode()).isEqualTo(1010);
          assertThat(e.dataText()).isEqualTo("Custom error: 6");
        });
  }

  @Test
  void deliversAStoredSubscriptionsNotificationsInOrder() {
    ReplayTransport replay = ReplayTransport.fromJson("""
        {"exchanges": [{"method": "author_submitAndWatchExtrinsic", "params": ["0x01"], "result": "w1",
          "notifications": ["ready", {"inBlock": "0xaa"}]}]}
        """);
    List<String> seen = new ArrayList<>();
    Subscription subscription =
        replay.subscribe("author_submitAndWatchExtrinsic", List.of("0x01"), null, n -> seen.add(n.toString()));
    assertThat(subscription.id()).isEqualTo("w1");
    assertThat(seen).containsExactly("\"ready\"", "{\"inBlock\":\"0xaa\"}");
  }

  @Test
  void listsTheExchangesNobodyAskedFor() {
    ReplayTransport replay = ReplayTransport.builder()
        .answer("a", List.of(), 1)
        .answer("b", List.of(2), 2)
        .build();
    replay.call("a", List.of());
    assertThat(replay.unused()).containsExactly("b [2]");
    assertThat(replay.requests()).hasSize(1);
  }
}
