package ai.kinitro.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.platform.state.PlatformState;
import ai.kinitro.platform.state.StateStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformCliTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PlatformCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void statusWithoutStateSaysNotRunningAndExitsWithThree() {
    int code = run("status", "--state-dir", dir.toString());

    assertThat(code).isEqualTo(3);
    assertThat(out.toString()).isEqualTo("Kinitro is not running (no state in " + dir + ")." + System.lineSeparator());
  }

  @Test
  void statusOfAPlatformWhoseSupervisorDiedPointsToDown() {
    new StateStore(dir).write(new PlatformState(Long.MAX_VALUE / 2, Instant.EPOCH, dir.toString(), Map.of(),
        List.of(new PlatformState.ServiceState("backend", Long.MAX_VALUE / 2, Instant.EPOCH, 8080, "http://127.0.0.1:8080", "/l/backend.log", "healthy"))));

    int code = run("status", "--state-dir", dir.toString());

    assertThat(code).isEqualTo(3);
    assertThat(out.toString()).contains("its supervisor (pid " + Long.MAX_VALUE / 2 + ") is gone; ./kinitro down cleans up.")
        .containsPattern("backend +\\d+ +stopped +http://127.0.0.1:8080 +/l/backend.log");
  }

  @Test
  void downWithoutStateSaysThereIsNothingToStop() {
    int code = run("down", "--state-dir", dir.toString());

    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("Kinitro is not running from " + dir);
  }

  @Test
  void downCleansUpTheStateOfADeadSupervisor() {
    new StateStore(dir).write(new PlatformState(Long.MAX_VALUE / 2, Instant.EPOCH, dir.toString(), Map.of(), List.of()));

    int code = run("down", "--state-dir", dir.toString());

    assertThat(code).isZero();
    assertThat(Files.exists(dir.resolve("state.json"))).isFalse();
    assertThat(out.toString()).contains("is gone; stopping the services it left behind.", "Kinitro is stopped.");
  }

  @Test
  void upRefusesAnUnknownServiceName() {
    int code = run("up", "--state-dir", dir.toString(), "--without", "database");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("error[1000 INVALID_ARGUMENT]: Unknown service in --without: database");
  }

  @Test
  void upRefusesTwoServicesOnOnePort() {
    int code = run("up", "--state-dir", dir.toString(), "--backend-port", "9000");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("error[1000 INVALID_ARGUMENT]: Bad ports: every service needs its own port");
  }
}
