package ai.kinitro.backend.chain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.chain.client.ChainClient;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainClientSubnetChainTest {
  @Test
  void closingTheSubnetChainClosesItsChainClient() {
    List<String> calls = new ArrayList<>();
    ChainClient client = (ChainClient) Proxy.newProxyInstance(ChainClient.class.getClassLoader(), new Class<?>[] {ChainClient.class},
        (proxy, method, args) -> {
          calls.add(method.getName());
          return null;
        });

    new ChainClientSubnetChain(client, 1).close();

    assertThat(calls).containsExactly("close");
  }
}
