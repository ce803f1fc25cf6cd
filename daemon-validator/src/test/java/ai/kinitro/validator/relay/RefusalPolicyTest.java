package ai.kinitro.validator.relay;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.validator.relay.RefusalPolicy.Action;
import org.junit.jupiter.api.Test;

class RefusalPolicyTest {
  private final RefusalPolicy policy = new RefusalPolicy(3);

  @Test
  void anUnreadableFrameIsHeldUntilTheNextReconnectThenParkedAfterTheLimit() {
    assertThat(policy.decide(ErrorCode.MALFORMED_MESSAGE.number(), 1)).isEqualTo(Action.HOLD_UNTIL_RECONNECT);
    assertThat(policy.decide(ErrorCode.MESSAGE_TOO_LARGE.number(), 2)).isEqualTo(Action.HOLD_UNTIL_RECONNECT);
    assertThat(policy.decide(ErrorCode.UNKNOWN_MESSAGE_TYPE.number(), 3)).isEqualTo(Action.PARK);
  }

  @Test
  void aMessageTheBackendRefusesOnItsMeritsIsParked() {
    assertThat(policy.decide(ErrorCode.JOB_NOT_ASSIGNED.number(), 1)).isEqualTo(Action.PARK);
    assertThat(policy.decide(ErrorCode.MESSAGE_ID_REUSED.number(), 1)).isEqualTo(Action.PARK);
    assertThat(policy.decide(ErrorCode.CONFLICT.number(), 1)).isEqualTo(Action.PARK);
  }

  @Test
  void aBusyOrBrokenBackendOrAnUnknownCodeIsRetriedLater() {
    assertThat(policy.decide(ErrorCode.RATE_LIMITED.number(), 9)).isEqualTo(Action.RETRY_LATER);
    assertThat(policy.decide(ErrorCode.INTERNAL_ERROR.number(), 9)).isEqualTo(Action.RETRY_LATER);
    assertThat(policy.decide(ErrorCode.EXTERNAL_UNAVAILABLE.number(), 9)).isEqualTo(Action.RETRY_LATER);
    assertThat(policy.decide(9999, 9)).isEqualTo(Action.RETRY_LATER);
  }
}
