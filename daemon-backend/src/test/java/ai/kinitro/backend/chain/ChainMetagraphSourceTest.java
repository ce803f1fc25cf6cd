package ai.kinitro.backend.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainMetagraphSourceTest {
  @Test
  void servesTheChainsNeuronsByUidIncludingUidZero() {
    SubnetChain chain = new StaticSubnetChain(1, List.of(
        new Neuron(1, "5Validator", true, 1000.0), new Neuron(0, "5Owner", false, 0.0)));
    ChainMetagraphSource source = new ChainMetagraphSource(new SubnetMembership(chain, Clock.systemUTC(), Duration.ofMinutes(1)));

    assertThat(source.neurons()).containsExactly(
        new ai.kinitro.backend.metagraph.Neuron(0, "5Owner", false),
        new ai.kinitro.backend.metagraph.Neuron(1, "5Validator", true));
  }
}
