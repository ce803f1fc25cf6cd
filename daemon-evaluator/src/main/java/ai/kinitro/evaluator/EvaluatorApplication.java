package ai.kinitro.evaluator;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Entry point of the Kinitro evaluator daemon: queue consumer, agent runtimes, rollout engine and episode logging (evaluator issue). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EvaluatorApplication {
  public static void main(String[] args) {
    SpringApplication.run(EvaluatorApplication.class, args);
  }

  /** The one clock every component reads (tests replace it). */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
