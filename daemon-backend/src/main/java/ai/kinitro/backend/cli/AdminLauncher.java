package ai.kinitro.backend.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs {@code admin ...}: starts the backend's Spring context without a web server and without
 * background loops, runs one command and exits. Arguments of the form {@code
 * --kinitro.x=y}/{@code --spring.x=y} configure the context (like the daemon); the rest go to the
 * command.
 */
public final class AdminLauncher {
  private AdminLauncher() {}

  public static int run(Class<?> application, String[] args) {
    List<String> springArgs = new ArrayList<>();
    List<String> commandArgs = new ArrayList<>();
    for (String arg : args) {
      if ((arg.startsWith("--kinitro.") || arg.startsWith("--spring.") || arg.startsWith("--logging.")) && arg.contains("=")) {
        springArgs.add(arg);
      } else {
        commandArgs.add(arg);
      }
    }
    springArgs.add("--kinitro.scoring.enabled=false");
    springArgs.add("--spring.main.log-startup-info=false");
    springArgs.add("--logging.level.root=WARN");
    SpringApplication app = new SpringApplication(application);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
    try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
      PrintWriter out = new PrintWriter(System.out, true);
      PrintWriter err = new PrintWriter(System.err, true);
      return AdminCli.commandLine(context, out, err).execute(commandArgs.toArray(String[]::new));
    }
  }
}
