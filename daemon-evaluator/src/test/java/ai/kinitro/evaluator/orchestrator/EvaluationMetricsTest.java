package ai.kinitro.evaluator.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.rollout.RunMetrics;
import ai.kinitro.rollout.TaskMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reported score is the success rate (ADR 0012); the mean reward passes through, sign and all. */
class EvaluationMetricsTest {
  @Test
  void theScoreIsTheSuccessRateAndANegativeMeanRewardIsReportedAsItIs() {
    TaskMetrics swing = new TaskMetrics("pendulum-0", "Pendulum-v1", 4, 1, 0, 0.25, -812.5, 200, 800);
    RunMetrics run = new RunMetrics(List.of(swing), 0.25, -812.5, 4, 800, 0);

    Metrics reported = EvaluationHandler.metrics(run);

    assertThat(reported.score()).isEqualTo(0.25);
    assertThat(reported.successRate()).isEqualTo(0.25);
    assertThat(reported.avgReward()).isEqualTo(-812.5);
    assertThat(reported.totalEpisodes()).isEqualTo(4);
  }
}
