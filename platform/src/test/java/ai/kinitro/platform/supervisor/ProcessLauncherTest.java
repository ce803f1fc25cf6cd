package ai.kinitro.platform.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: output goes to the log, environment reaches the child, SIGTERM stops it. */
class ProcessLauncherTest {
  @TempDir Path dir;

  @Test
  void appendsTheOutputOfTheProcessAndItsEnvironmentToTheLog() throws Exception {
    Path log = dir.resolve("logs/echo.log");
    ServiceHandle handle = new ProcessLauncher(List.of("sh", "-c", "echo hello $GREETING_TARGET; echo oops >&2"),
        Map.of("GREETING_TARGET", "world"), dir, log, true).launch();

    assertThat(handle.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat(handle.exitCode()).hasValue(0);
    assertThat(handle.logTail(2)).isEqualTo("hello world" + System.lineSeparator() + "oops");
    assertThat(Files.readString(log)).contains("starting: sh -c echo hello $GREETING_TARGET");
  }

  @Test
  void terminateStopsALongRunningProcess() throws Exception {
    ServiceHandle handle = new ProcessLauncher(List.of("sleep", "60"), Map.of(), dir, dir.resolve("sleep.log"), true).launch();
    assertThat(handle.isAlive()).isTrue();

    handle.terminate();

    assertThat(handle.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat(handle.exitCode()).hasValue(143);
  }

  /** Fields of /proc/<pid>/stat: pid, (comm), state, ppid, pgrp, session, ... */
  private static String[] stat(long pid) throws java.io.IOException {
    return Files.readString(Path.of("/proc/" + pid + "/stat")).split(" ");
  }

  @Test
  void aNewSessionKeepsTheChildOutOfTheSupervisorsProcessGroup() throws Exception {
    ServiceHandle handle = new ProcessLauncher(List.of("sleep", "60"), Map.of(), dir, dir.resolve("sleep.log"), true).launch();
    try {
      String ownGroup = stat(ProcessHandle.current().pid())[4];
      String[] child = stat(handle.pid());
      for (int i = 0; i < 100 && !child[5].equals(Long.toString(handle.pid())); i++) {
        Thread.sleep(20); // setsid runs in the child just before it becomes sleep
        child = stat(handle.pid());
      }
      String childGroup = child[4];
      String childSession = child[5];

      assertThat(childGroup).isNotEqualTo(ownGroup);
      assertThat(childSession).isEqualTo(Long.toString(handle.pid()));
    } finally {
      handle.kill();
    }
  }
}
