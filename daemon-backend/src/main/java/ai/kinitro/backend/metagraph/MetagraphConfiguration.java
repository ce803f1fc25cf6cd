package ai.kinitro.backend.metagraph;

import java.time.Clock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the table-backed {@link MetagraphSource}. A chain-backed implementation declared as a
 * {@code @Primary} bean takes precedence wherever a {@code MetagraphSource} is injected.
 */
@Configuration(proxyBeanMethods = false)
class MetagraphConfiguration {
  @Bean
  DatabaseMetagraphSource databaseMetagraphSource(MetagraphNeuronRepository neurons, Clock clock) {
    return new DatabaseMetagraphSource(neurons, clock);
  }

  /** Writes configured neurons at start-up (only when some are configured and the table source is in use). */
  @Bean
  ApplicationRunner configuredNeurons(MetagraphProperties properties, MetagraphSource source) {
    return args -> {
      if (!properties.neurons().isEmpty() && source instanceof DatabaseMetagraphSource db) {
        db.replace(properties.neurons().stream().map(e -> new Neuron(e.uid(), e.hotkey(), e.validatorPermit())).toList());
      }
    };
  }
}
