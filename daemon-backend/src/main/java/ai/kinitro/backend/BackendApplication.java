package ai.kinitro.backend;

import ai.kinitro.backend.cli.AdminLauncher;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the Kinitro backend daemon: REST and admin API, validator and realtime WebSockets,
 * chain monitor, vault, scoring. {@code java -jar kinitro-backend.jar admin ...} runs the admin
 * command line instead.
 */
@SpringBootApplication
public class BackendApplication {
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("admin")) {
      System.exit(AdminLauncher.run(BackendApplication.class, Arrays.copyOfRange(args, 1, args.length)));
    }
    SpringApplication.run(BackendApplication.class, args);
  }
}
