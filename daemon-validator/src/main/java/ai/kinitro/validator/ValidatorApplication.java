package ai.kinitro.validator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of the Kinitro validator daemon: backend link, durable Postgres queue, result relay
 * and weight setting. Features live in their packages ({@code link}, {@code intake}, {@code relay},
 * {@code weights}, {@code queueing}, {@code database}, {@code identity}, {@code ops}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan("ai.kinitro.validator.config")
public class ValidatorApplication {
  public static void main(String[] args) {
    SpringApplication.run(ValidatorApplication.class, args);
  }
}
