package ai.kinitro.common.protocol.validator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.ProtocolCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dispatch the way consumers must: an exhaustive switch over the sealed interface with no default.
 * Adding a message record makes this file fail to compile until the new case is written.
 */
class ValidatorDispatchTest {
  private final ProtocolCodec<ValidatorMessage> codec = ValidatorProtocol.codecBuilder().build();

  static String expectedType(ValidatorMessage message) {
    return switch (message) {
      case AuthChallenge m -> "auth_challenge";
      case Register m -> "register";
      case RegistrationAck m -> "registration_ack";
      case Heartbeat m -> "heartbeat";
      case HeartbeatAck m -> "heartbeat_ack";
      case EvalJob m -> "eval_job";
      case SetWeights m -> "set_weights";
      case DeliveryAck m -> "delivery_ack";
      case JobStatusUpdate m -> "job_status_update";
      case EvalResult m -> "eval_result";
      case EpisodeData m -> "episode_data";
      case EpisodeStepData m -> "episode_step_data";
      case ResultAck m -> "result_ack";
      case ValidatorError m -> "error";
    };
  }

  @ParameterizedTest
  @EnumSource(ValidatorMessageType.class)
  void theEncodedTypeFieldIsTheOneTheExhaustiveSwitchExpects(ValidatorMessageType type) {
    ValidatorMessage sample = ValidatorSamples.of(type);

    String encodedType = JsonMapper.shared().readTree(codec.encode(sample)).get("type").asString();

    assertThat(encodedType).isEqualTo(expectedType(sample)).isEqualTo(sample.type().wireName());
    assertThat(sample.type()).isEqualTo(type);
  }
}
