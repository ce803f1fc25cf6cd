package ai.kinitro.validator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.testsupport.process.DaemonProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the executable jar exactly as an operator would (embedded database, no backend yet), after the package phase. */
class ValidatorJarIT {
  @Test
  void theExecutableJarStartsAnswersHealthAndStopsCleanlyOnSigterm() {
    Path jar = Path.of("target", "kinitro-validator.jar");
    try (DaemonProcess daemon = DaemonProcess.start(jar, "server.port",
        List.of("--kinitro.state-dir=" + Path.of("target", "it-state").toAbsolutePath(), "--kinitro.validator.hotkey.secret-uri=//Alice",
            "--kinitro.validator.database.embedded-port=0",
            "--kinitro.validator.backend.api-key=kin_it_key", "--kinitro.validator.backend.url=ws://127.0.0.1:9/ws/validator"),
        Map.of(), Path.of("target", "it-logs"))) {
      String health = daemon.awaitHttpOk("/actuator/health", Duration.ofSeconds(90));
      assertThat(health).contains("\"status\":\"UP\"");
      int exit = daemon.stop();
      assertThat(exit).as("exit code after SIGTERM\n" + daemon.tail()).isIn(0, 143);
    }
  }
}
