package ai.kinitro.evaluator.database;

import ai.kinitro.queue.QueueSchema;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pooled data source of the validator's database, with the queue schema migrated. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "kinitro.evaluator.database", name = "url")
class DatabaseConfiguration {
  @Bean(destroyMethod = "close")
  HikariDataSource evaluatorDataSource(DatabaseProperties settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.username());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.poolSize());
    config.setPoolName("evaluator-db");
    config.setInitializationFailTimeout(-1);
    HikariDataSource dataSource = new HikariDataSource(config);
    QueueSchema.migrate(dataSource);
    return dataSource;
  }
}
