package ai.kinitro.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCliTest {
  @TempDir Path state;

  @Test
  void durationsAcceptSecondsMinutesAndHoursAndRefuseTheRest() {
    assertThat(DemoCli.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DemoCli.parseDuration("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(DemoCli.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
    for (String bad : List.of("10", "m", "-5m", "0s", "ten minutes")) {
      assertThatThrownBy(() -> DemoCli.parseDuration(bad)).as(bad)
          .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
  }

  @Test
  void withoutARunningPlatformItExitsWithAUserErrorAndSaysWhatToDo() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = DemoCli.run(new String[] {"--state-dir", state.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("error[1704 PLATFORM_NOT_RUNNING]: no platform runs from " + state)
        .contains("start it with ./kinitro up in another terminal");
  }
}
