package ai.kinitro.common.agent;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

class AgentStatusTest {

  @Test
  void aUserErrorIsSentAsInvalidArgumentWithItsCodeInTheTrailers() {
    StatusRuntimeException s = AgentStatus.toStatus(new KinitroException(ErrorCode.AGENT_MALFORMED_TENSOR, "bad bytes"));

    assertThat(s.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(s.getStatus().getDescription()).isEqualTo("bad bytes");
    assertThat(AgentStatus.reportedCode(s)).contains(ErrorCode.AGENT_MALFORMED_TENSOR);
  }

  @Test
  void anUnexpectedExceptionIsSentAsInternal() {
    StatusRuntimeException s = AgentStatus.toStatus(new IllegalStateException("boom"));

    assertThat(s.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(s.getStatus().getDescription()).isEqualTo("IllegalStateException: boom");
    assertThat(AgentStatus.reportedCode(s)).contains(ErrorCode.INTERNAL_ERROR);
  }

  @Test
  void everyCategoryHasAStatusCode() {
    assertThat(AgentStatus.statusCode(ErrorCode.INTERNAL_ERROR)).isEqualTo(Status.Code.INTERNAL);
    assertThat(AgentStatus.statusCode(ErrorCode.EXTERNAL_UNAVAILABLE)).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(AgentStatus.statusCode(ErrorCode.CAPACITY_EXHAUSTED)).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(AgentStatus.statusCode(ErrorCode.AGENT_TIMEOUT)).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(AgentStatus.statusCode(ErrorCode.NOT_FOUND)).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void aDeadlineOnTheClientIsAnAgentTimeout() {
    KinitroException e = AgentStatus.fromStatus("Act", Status.DEADLINE_EXCEEDED.asRuntimeException());

    assertThat(e.code()).isEqualTo(ErrorCode.AGENT_TIMEOUT);
    assertThat(e.getMessage()).isEqualTo("The agent did not answer Act in time");
  }

  @Test
  void aBrokenConnectionIsACrash() {
    assertThat(AgentStatus.fromStatus("Reset", Status.UNAVAILABLE.asRuntimeException()).code())
        .isEqualTo(ErrorCode.AGENT_CRASHED);
  }

  @Test
  void aPlatformFaultClaimedByTheAgentIsStillAnAgentFault() {
    StatusRuntimeException claimed = AgentStatus.toStatus(new KinitroException(ErrorCode.EXTERNAL_UNAVAILABLE, "S3 down"));

    KinitroException e = AgentStatus.fromStatus("Act", claimed);

    assertThat(e.code()).isEqualTo(ErrorCode.AGENT_CRASHED);
    assertThat(e.code().category()).isEqualTo(ai.kinitro.common.error.ErrorCategory.USER);
  }

  @Test
  void theAgentsOwnErrorIsAReportedCallFailureWithItsTextSanitized() {
    StatusRuntimeException claimed = AgentStatus.toStatus(new KinitroException(ErrorCode.CONFLICT, "line1\nline2"));

    KinitroException e = AgentStatus.fromStatus("Act", claimed);

    assertThat(e.code()).isEqualTo(ErrorCode.AGENT_CALL_FAILED);
    assertThat(e.getMessage())
        .isEqualTo("The agent answered Act with FAILED_PRECONDITION: line1 line2 (agent reported CONFLICT/1003)");
  }

  @Test
  void longAgentTextIsCut() {
    assertThat(AgentStatus.sanitize("x".repeat(2000))).hasSize(503).endsWith("...");
  }
}
