package ai.kinitro.backend;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.testsupport.process.DaemonProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the executable jar exactly as an operator would, after the package phase. */
class BackendJarIT {
  @Test
  void theExecutableJarStartsAnswersHealthAndStopsCleanlyOnSigterm() {
    Path jar = Path.of("target", "kinitro-backend.jar");
    try (DaemonProcess daemon = DaemonProcess.start(jar, "server.port", List.of("--kinitro.state-dir=" + Path.of("target", "it-state", "backend").toAbsolutePath()), Map.of(), Path.of("target", "it-logs"))) {
      String health = daemon.awaitHttpOk("/actuator/health", Duration.ofSeconds(90));
      assertThat(health).contains("\"status\":\"UP\"");
      int exit = daemon.stop();
      assertThat(exit).as("exit code after SIGTERM\n" + daemon.tail()).isIn(0, 143);
    }
  }
}
