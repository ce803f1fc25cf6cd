package ai.kinitro.common.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.agent.v1.DType;
import ai.kinitro.common.agent.v1.ResetRequest;
import ai.kinitro.common.agent.v1.Tensor;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import com.google.protobuf.ByteString;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentMessagesTest {
  private static final TaskInfo TASK = new TaskInfo("classic/CartPole-v1#0", "classic/CartPole-v1",
      "balance the pole", 7, new ActionSpace.Box(AgentTensor.DType.FLOAT32, new int[] {2},
          new double[] {-1, Double.NEGATIVE_INFINITY}, new double[] {1, Double.POSITIVE_INFINITY}), 500);

  @Test
  void aTensorSurvivesTheRoundTripThroughProtobuf() {
    AgentTensor t = AgentTensor.float64(new int[] {2, 1}, 1.5, -3.0);

    assertThat(AgentMessages.fromProto(AgentMessages.toProto(t))).isEqualTo(t);
  }

  @Test
  void theWireTensorCarriesTheRawBytesShapeAndDtype() {
    Tensor wire = AgentMessages.toProto(AgentTensor.uint8(new int[] {1, 1, 3}, (byte) 1, (byte) 2, (byte) 3));

    assertThat(wire).isEqualTo(Tensor.newBuilder().setDtype(DType.DTYPE_UINT8).addShape(1).addShape(1).addShape(3)
        .setData(ByteString.copyFrom(new byte[] {1, 2, 3})).build());
  }

  @Test
  void aWireTensorWithTooFewBytesIsMalformed() {
    Tensor wire = Tensor.newBuilder().setDtype(DType.DTYPE_FLOAT32).addShape(4).setData(ByteString.copyFrom(new byte[15])).build();

    assertThatThrownBy(() -> AgentMessages.fromProto(wire))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AGENT_MALFORMED_TENSOR));
  }

  @Test
  void aWireTensorWithoutADtypeIsMalformed() {
    Tensor wire = Tensor.newBuilder().addShape(1).setData(ByteString.copyFrom(new byte[4])).build();

    assertThatThrownBy(() -> AgentMessages.fromProto(wire))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AGENT_MALFORMED_TENSOR));
  }

  @Test
  void aTaskSurvivesTheRoundTripThroughResetIncludingInfiniteBounds() {
    assertThat(AgentMessages.fromProto(AgentMessages.toProto(TASK))).isEqualTo(TASK);
  }

  @Test
  void aDiscreteActionSpaceSurvivesTheRoundTrip() {
    ActionSpace space = new ActionSpace.Discrete(3, -1);

    assertThat(AgentMessages.fromProto(AgentMessages.toProto(space))).isEqualTo(space);
  }

  @Test
  void resetCarriesNoSeedField() {
    assertThat(ResetRequest.getDescriptor().getFields())
        .extracting(f -> f.getName())
        .containsExactly("task_id", "env_id", "instruction", "episode_index", "action_space", "max_episode_steps")
        .noneMatch(name -> name.contains("seed"));
  }

  @Test
  void aStepSurvivesTheRoundTripThroughAct() {
    Step step = new Step(3, 12, Map.of("state", AgentTensor.vector(0.1f, 0.2f), "camera/front",
        AgentTensor.uint8(new int[] {1, 1, 3}, (byte) 9, (byte) 8, (byte) 7)));

    assertThat(AgentMessages.fromProto(AgentMessages.toProto(step))).isEqualTo(step);
  }
}
