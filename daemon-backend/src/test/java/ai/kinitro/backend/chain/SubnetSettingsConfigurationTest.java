package ai.kinitro.backend.chain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.metagraph.MetagraphProperties;
import ai.kinitro.backend.scoring.ScoringProperties;
import ai.kinitro.common.error.KinitroException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The start-up check in a Spring context, with the real configuration records bound from properties. */
class SubnetSettingsConfigurationTest {
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({ChainConfig.class, ScoringProperties.class, MetagraphProperties.class})
  static class Records {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(Records.class, SubnetSettingsConfiguration.class);

  @Test
  void theChainNetuidAloneIsTheNetuidOfTheWeights() {
    runner.withPropertyValues("kinitro.chain.netuid=1")
        .run(context -> assertThat(context.getBean(SubnetSettings.class)).isEqualTo(new SubnetSettings(1, List.of(), List.of())));
  }

  @Test
  void theBackendDoesNotStartWhenTheScoringNetuidDiffersFromTheChainNetuid() {
    runner.withPropertyValues("kinitro.chain.netuid=1", "kinitro.scoring.netuid=26").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().isInstanceOf(KinitroException.class)
          .hasMessageContaining("kinitro.scoring.netuid=26 differs from kinitro.chain.netuid=1");
    });
  }

  @Test
  void aScoringNetuidSetAloneNoLongerSilentlyDiffersFromTheDefaultChainNetuid() {
    runner.withPropertyValues("kinitro.scoring.netuid=1").run(context -> assertThat(context).hasFailed());
  }

  @Test
  void theDeprecatedMetagraphNeuronsBindIntoTheStaticNeurons() {
    runner.withPropertyValues("kinitro.metagraph.neurons[0].uid=4", "kinitro.metagraph.neurons[0].hotkey=5Owner")
        .run(context -> assertThat(context.getBean(SubnetSettings.class).staticNeurons())
            .containsExactly(new ChainConfig.StaticNeuron(4, "5Owner", false)));
  }
}
