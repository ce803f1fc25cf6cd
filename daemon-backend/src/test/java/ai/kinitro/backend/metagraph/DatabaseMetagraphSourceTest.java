package ai.kinitro.backend.metagraph;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.support.BackendIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DatabaseMetagraphSourceTest extends BackendIntegrationTest {
  @Autowired DatabaseMetagraphSource metagraph;

  @Test
  void keepsUidZeroWhenTheMetagraphIsReplaced() {
    List<Neuron> neurons = List.of(new Neuron(0, "5OwnerAtUidZero", false), new Neuron(1, "5ValidatorAtUidOne", true));

    metagraph.replace(neurons);

    assertThat(metagraph.neurons()).isEqualTo(neurons);
  }
}
