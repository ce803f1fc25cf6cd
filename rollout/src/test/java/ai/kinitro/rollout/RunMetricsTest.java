package ai.kinitro.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
  private static EpisodeSummary ep(long i, String task, int steps, double reward, boolean success, EpisodeOutcome o) {
    return new EpisodeSummary(i, task, "test/Goal-v0", 0, 0, steps, reward, success, o,
        o == EpisodeOutcome.FAILED || o == EpisodeOutcome.NOT_RUN ? Optional.of(ErrorCode.AGENT_TIMEOUT) : Optional.empty(),
        Duration.ZERO);
  }

  @Test
  void failedEpisodesStayInTheAveragesAsFailures() {
    List<TaskSpec> tasks = List.of(new TaskSpec("a", "test/Goal-v0", "", 1), new TaskSpec("b", "test/Goal-v0", "", 2));
    List<EpisodeSummary> episodes = List.of(
        ep(0, "a", 10, 4.0, true, EpisodeOutcome.TERMINATED),
        ep(1, "a", 20, 2.0, false, EpisodeOutcome.TRUNCATED),
        ep(2, "b", 5, 1.0, false, EpisodeOutcome.FAILED),
        ep(3, "b", 0, 0.0, false, EpisodeOutcome.NOT_RUN));

    RunMetrics m = RunMetrics.of(tasks, episodes);

    assertThat(m).isEqualTo(new RunMetrics(List.of(
        new TaskMetrics("a", "test/Goal-v0", 2, 1, 0, 0.5, 3.0, 15.0, 30),
        new TaskMetrics("b", "test/Goal-v0", 2, 0, 2, 0.0, 0.5, 2.5, 5)),
        0.25, 1.75, 4, 35, 2));
  }

  @Test
  void aTaskWithoutEpisodesHasZeroes() {
    RunMetrics m = RunMetrics.of(List.of(new TaskSpec("a", "x/Y-v0", "", 1)), List.of());

    assertThat(m.tasks().getFirst()).isEqualTo(new TaskMetrics("a", "x/Y-v0", 0, 0, 0, 0, 0, 0, 0));
  }
}
