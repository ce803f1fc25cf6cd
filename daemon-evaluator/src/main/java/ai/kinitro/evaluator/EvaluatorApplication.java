package ai.kinitro.evaluator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the Kinitro evaluator daemon: queue consumer, agent runtimes, rollout engine and episode logging (evaluator issue). */
@SpringBootApplication
public class EvaluatorApplication {
  public static void main(String[] args) {
    SpringApplication.run(EvaluatorApplication.class, args);
  }
}
