package ai.kinitro.backend.submission;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.job.AssignmentStatus;
import ai.kinitro.common.protocol.EvaluationStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationSummaryTest {
  static EvaluationStatus status(Map<AssignmentStatus, Long> counts) {
    return EvaluationSummary.derive(1, counts).status();
  }

  @Test
  void withoutAssignmentsASubmissionIsQueued() {
    assertThat(status(Map.of())).isEqualTo(EvaluationStatus.QUEUED);
  }

  @Test
  void anyRunningAssignmentMakesItRunning() {
    assertThat(status(Map.of(AssignmentStatus.RUNNING, 1L, AssignmentStatus.QUEUED, 3L, AssignmentStatus.FAILED, 1L)))
        .isEqualTo(EvaluationStatus.RUNNING);
  }

  @Test
  void deliveredButNotStartedIsStillQueued() {
    assertThat(status(Map.of(AssignmentStatus.DELIVERED, 1L, AssignmentStatus.COMPLETED, 1L))).isEqualTo(EvaluationStatus.QUEUED);
  }

  @Test
  void allCompletedIsCompletedAndOtherwiseTheWorstTerminalOutcomeWins() {
    assertThat(status(Map.of(AssignmentStatus.COMPLETED, 2L))).isEqualTo(EvaluationStatus.COMPLETED);
    assertThat(status(Map.of(AssignmentStatus.COMPLETED, 2L, AssignmentStatus.TIMEOUT, 1L, AssignmentStatus.FAILED, 1L)))
        .isEqualTo(EvaluationStatus.FAILED);
    assertThat(status(Map.of(AssignmentStatus.CANCELLED, 1L, AssignmentStatus.TIMEOUT, 1L))).isEqualTo(EvaluationStatus.TIMEOUT);
  }

  @Test
  void zeroCountsAreDropped() {
    assertThat(EvaluationSummary.derive(1, Map.of(AssignmentStatus.QUEUED, 0L)).assignments()).isEmpty();
  }
}
