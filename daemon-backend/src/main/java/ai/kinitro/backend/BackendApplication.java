package ai.kinitro.backend;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the Kinitro backend daemon: REST and admin API, validator and realtime WebSockets, chain monitor, vault, scoring (backend issue). */
@SpringBootApplication
public class BackendApplication {
  public static void main(String[] args) {
    SpringApplication.run(BackendApplication.class, args);
  }
}
