package ai.kinitro.devchain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.chain.client.BlockRef;
import ai.kinitro.common.chain.client.SubstrateChainClient;
import ai.kinitro.common.chain.client.TxOptions;
import ai.kinitro.common.chain.client.TxResult;
import ai.kinitro.common.chain.rpc.WebSocketJsonRpcTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DevChainSmokeTest {
  @Test
  void aCommitmentFromDaveIsReadBackWithItsBlock() {
    try (DevChain chain = DevChain.start(DevChainConfig.forTests().withBlockTime(Duration.ofMillis(250)));
         SubstrateChainClient client = new SubstrateChainClient(WebSocketJsonRpcTransport.connect(chain.url()))) {
      TxResult result = client.setCommitment(DevKeys.DAVE, 1, "sub-1".getBytes(StandardCharsets.UTF_8),
          TxOptions.DEFAULT);
      System.out.println(result);
      assertThat(result.succeeded()).isTrue();
      var c = client.commitment(1, DevKeys.account(DevKeys.DAVE), BlockRef.best());
      System.out.println(c);
      System.out.println(client.metagraph(1, BlockRef.best()));
      System.out.println(client.subnetParams(1, BlockRef.best()));
      assertThat(c).isPresent();
    }
  }
}
