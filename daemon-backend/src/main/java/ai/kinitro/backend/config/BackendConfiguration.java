package ai.kinitro.backend.config;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.ids.IdsProperties;
import ai.kinitro.backend.persistence.DatabaseProperties;
import ai.kinitro.env.EnvironmentRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Cross-cutting beans: the clock, the id generator, the environment registry; binds every {@code @ConfigurationProperties} record. */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan("ai.kinitro.backend")
public class BackendConfiguration {
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  IdGenerator idGenerator(Clock clock, IdsProperties ids) {
    return new IdGenerator(clock, ids.instanceId());
  }

  @Bean
  @ConditionalOnMissingBean
  EnvironmentRegistry environmentRegistry() {
    return EnvironmentRegistry.standard();
  }

  static Class<?>[] boundProperties() {
    return new Class<?>[] {DatabaseProperties.class, IdsProperties.class, KinitroProperties.class};
  }
}
