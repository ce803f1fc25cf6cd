package ai.kinitro.validator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the Kinitro validator daemon: backend link, durable Postgres queue, result relay and weight setting (validator issue). */
@SpringBootApplication
public class ValidatorApplication {
  public static void main(String[] args) {
    SpringApplication.run(ValidatorApplication.class, args);
  }
}
