package ai.kinitro.validator.ops;

import ai.kinitro.queue.notify.PgWakeups;
import ai.kinitro.validator.link.BackendLink;
import ai.kinitro.validator.queueing.QueueSampler;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health contributors ({@code /actuator/health}: {@code backendLink}, {@code queueDatabase}). */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {
  @Bean
  @ConditionalOnBean(BackendLink.class)
  LinkHealthIndicator backendLinkHealthIndicator(BackendLink link, InstantSource clock) {
    return new LinkHealthIndicator(link, clock);
  }

  @Bean
  DatabaseHealthIndicator queueDatabaseHealthIndicator(DataSource dataSource, PgWakeups wakeups, QueueSampler sampler) {
    return new DatabaseHealthIndicator(dataSource, wakeups, sampler);
  }
}
