package ai.kinitro.backend.metagraph;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the table-backed {@link MetagraphSource}. A chain-backed implementation declared as a
 * {@code @Primary} bean takes precedence wherever a {@code MetagraphSource} is injected. Configured
 * neurons are written into the table by the chain configuration ({@code kinitro.chain.static-neurons}).
 */
@Configuration(proxyBeanMethods = false)
class MetagraphConfiguration {
  @Bean
  DatabaseMetagraphSource databaseMetagraphSource(MetagraphNeuronRepository neurons, Clock clock) {
    return new DatabaseMetagraphSource(neurons, clock);
  }
}
