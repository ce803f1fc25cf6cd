package ai.kinitro.devchain;

import static ai.kinitro.devchain.DevKeys.DAVE;
import static ai.kinitro.devchain.DevKeys.FERDIE;
import static ai.kinitro.devchain.DevKeys.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.chain.client.BlockRef;
import ai.kinitro.common.chain.client.Neuron;
import ai.kinitro.common.chain.client.SubstrateChainClient;
import ai.kinitro.common.chain.client.TxOptions;
import ai.kinitro.common.chain.rpc.JsonRpcException;
import ai.kinitro.common.chain.rpc.WebSocketJsonRpcTransport;
import ai.kinitro.devchain.genesis.GenesisParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The dev-only RPC methods, and what a registration on a full subnet means for readers. */
class DevRpcTest {
  private static final String SMALL_SUBNET = """
      {"netuid": 3, "owner": "//Alice",
       "params": {"maxAllowedUids": 3, "immunityPeriod": 2},
       "neurons": [{"hotkey": "//Alice"}, {"hotkey": "//Dave"}, {"hotkey": "//Eve", "stake": 5}]}
      """;

  @Test
  void aRegistrationOnAFullSubnetReplacesTheLeastStakedNeuronAndHidesItsCommitment() {
    DevChainConfig config = DevChainConfig.forTests().withGenesis(GenesisParser.parse(SMALL_SUBNET));
    try (DevChain chain = DevChain.start(config);
         WebSocketJsonRpcTransport rpc = WebSocketJsonRpcTransport.connect(chain.url());
         SubstrateChainClient client = new SubstrateChainClient(rpc)) {
      client.setCommitment(DAVE, 3, "dave".getBytes(StandardCharsets.UTF_8), TxOptions.DEFAULT
          .withWaitFor(TxOptions.WaitFor.NONE));
      chain.advance(3);

      JsonNode registered = rpc.call("dev_registerNeuron", List.of("//Ferdie", "//Ferdie//stash", "10 TAO"));

      assertThat(registered.get("uid").asInt()).isEqualTo(1);
      List<Neuron> neurons = client.metagraph(3, BlockRef.best()).neurons();
      assertThat(neurons.get(1).hotkey()).isEqualTo(account(FERDIE));
      assertThat(neurons.get(1).registrationBlock()).isEqualTo(registered.get("block").asLong());
      assertThat(neurons.get(1).totalStake()).isEqualTo(10_000_000_000L);
      assertThat(client.commitments(3, BlockRef.best())).isEmpty();
    }
  }

  @Test
  void registeringAnAlreadyRegisteredHotkeyIsRefused() {
    try (DevChain chain = DevChain.start(DevChainConfig.forTests());
         WebSocketJsonRpcTransport rpc = WebSocketJsonRpcTransport.connect(chain.url())) {
      assertThatThrownBy(() -> rpc.call("dev_registerNeuron", List.of("//Dave")))
          .isInstanceOfSatisfying(JsonRpcException.class, e -> {
            assertThat(e.rpcCode()).isEqualTo(9000);
            assertThat(e.dataText()).contains("already registered as uid 3");
          });
      assertThat(chain.bestNumber()).isZero();
    }
  }

  @Test
  void advanceBlocksAnswersTheNewHead() {
    try (DevChain chain = DevChain.start(DevChainConfig.forTests());
         WebSocketJsonRpcTransport rpc = WebSocketJsonRpcTransport.connect(chain.url())) {
      JsonNode head = rpc.call("dev_advanceBlocks", List.of(5));

      assertThat(head.get("number").asLong()).isEqualTo(5);
      assertThat(head.get("hash").asString()).isEqualTo(rpc.call("chain_getBlockHash", List.of(5)).asString());
    }
  }
}
