package ai.kinitro.evaluator.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.evaluator.orchestrator.Verdicts.Verdict;
import org.junit.jupiter.api.Test;

class VerdictsTest {
  private static final Verdict FAILED = new Verdict.Final(EvaluationStatus.FAILED);
  private static final Verdict TIMEOUT = new Verdict.Final(EvaluationStatus.TIMEOUT);
  private static final Verdict RETRY = new Verdict.Retry();

  @Test
  void agentFaultsEndTheJobAsFailedOnTheFirstAttempt() {
    for (ErrorCode code : new ErrorCode[] {ErrorCode.AGENT_CRASHED, ErrorCode.AGENT_TIMEOUT, ErrorCode.AGENT_INVALID_ACTION,
        ErrorCode.AGENT_MALFORMED_TENSOR, ErrorCode.AGENT_FAILED_TO_START, ErrorCode.AGENT_NETWORK_ATTEMPT,
        ErrorCode.AGENT_RESOURCE_LIMIT, ErrorCode.ARCHIVE_PATH_TRAVERSAL, ErrorCode.SUBMISSION_MANIFEST_MISSING}) {
      assertThat(Verdicts.of(code, false, false)).as(code.name()).isEqualTo(FAILED);
    }
  }

  @Test
  void platformFaultsGoBackToTheQueueUntilTheLastAttempt() {
    for (ErrorCode code : new ErrorCode[] {ErrorCode.ARTIFACT_UNAVAILABLE, ErrorCode.ARTIFACT_DIGEST_MISMATCH,
        ErrorCode.EVALUATOR_DISK_FULL, ErrorCode.AGENT_POD_UNSCHEDULABLE, ErrorCode.AGENT_POD_SETUP_FAILED,
        ErrorCode.SANDBOX_FAILED, ErrorCode.ENVIRONMENT_FAILED, ErrorCode.EVALUATION_FAILED, ErrorCode.KUBERNETES_API_FAILED}) {
      assertThat(Verdicts.of(code, false, false)).as(code.name()).isEqualTo(RETRY);
      assertThat(Verdicts.of(code, true, false)).as(code.name()).isEqualTo(FAILED);
    }
  }

  @Test
  void passedDeadlinesAreTimeouts() {
    assertThat(Verdicts.of(ErrorCode.ROLLOUT_DEADLINE_EXCEEDED, false, false)).isEqualTo(TIMEOUT);
    assertThat(Verdicts.of(ErrorCode.JOB_DEADLINE_EXCEEDED, false, false)).isEqualTo(TIMEOUT);
  }

  @Test
  void nothingIsBlamedOnTheAgentWhileTheEvaluatorStops() {
    assertThat(Verdicts.of(ErrorCode.AGENT_CALL_FAILED, false, true)).isEqualTo(RETRY);
    assertThat(Verdicts.of(ErrorCode.AGENT_CRASHED, true, true)).isEqualTo(RETRY);
  }
}
