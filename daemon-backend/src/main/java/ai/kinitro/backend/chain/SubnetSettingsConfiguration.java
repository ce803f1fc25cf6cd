package ai.kinitro.backend.chain;

import ai.kinitro.backend.metagraph.MetagraphProperties;
import ai.kinitro.backend.scoring.ScoringProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Resolves {@link SubnetSettings} at start-up: logs a warning per deprecated key in use, and stops
 * the start when a deprecated key contradicts its {@code kinitro.chain.*} key.
 */
@Configuration(proxyBeanMethods = false)
class SubnetSettingsConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(SubnetSettingsConfiguration.class);

  @Bean
  SubnetSettings subnetSettings(ChainConfig chain, ScoringProperties scoring, MetagraphProperties metagraph) {
    SubnetSettings settings = SubnetSettings.resolve(chain, scoring.netuid(), metagraph.neurons().stream()
        .map(e -> new ChainConfig.StaticNeuron(e.uid(), e.hotkey(), e.validatorPermit())).toList());
    settings.warnings().forEach(LOG::warn);
    return settings;
  }
}
