package ai.kinitro.rollout.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

/** After a test that started agents: no child process is left, and no agent's run directory. */
final class Leftovers {
  private Leftovers() {}

  /** Waits up to 10 s for the children to go, then asserts none is left and {@code runDir} is gone or empty. */
  static void assertNoneLeft(Path runDir) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (ProcessHandle.current().descendants().findAny().isPresent() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(ProcessHandle.current().descendants().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")))
        .isEmpty();
    assertThat(runDir).satisfiesAnyOf(
        p -> assertThat(p).doesNotExist(),
        p -> assertThat(p).isEmptyDirectory());
  }
}
