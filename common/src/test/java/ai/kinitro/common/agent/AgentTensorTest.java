package ai.kinitro.common.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AgentTensorTest {

  @Test
  void storesFloat32ElementsAsLittleEndianBytes() {
    AgentTensor t = AgentTensor.vector(1.0f, -2.5f);

    // IEEE-754: 1.0f = 0x3f800000, -2.5f = 0xc0200000, low byte first.
    assertThat(HexFormat.of().formatHex(t.data())).isEqualTo("0000803f000020c0");
    assertThat(t.toFloats()).containsExactly(1.0f, -2.5f);
  }

  @Test
  void readsEveryDtypeBackAsDoubles() {
    assertThat(AgentTensor.float64(new int[] {2}, 0.25, -1e300).toDoubles()).containsExactly(0.25, -1e300);
    assertThat(AgentTensor.int64(new int[] {2}, -7, 1L << 40).toDoubles()).containsExactly(-7.0, (double) (1L << 40));
    assertThat(AgentTensor.uint8(new int[] {1, 2}, (byte) 0xff, (byte) 3).toDoubles()).containsExactly(255.0, 3.0);
  }

  @Test
  void aScalarHasAnEmptyShapeAndOneElement() {
    AgentTensor t = AgentTensor.scalar(3);

    assertThat(t.shape()).isEmpty();
    assertThat(t.size()).isEqualTo(1);
    assertThat(t.getDouble(0)).isEqualTo(3.0);
  }

  @Test
  void refusesBytesThatDoNotMatchTheShape() {
    assertThatThrownBy(() -> new AgentTensor(AgentTensor.DType.FLOAT32, new int[] {3}, new byte[8]))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AGENT_MALFORMED_TENSOR))
        .hasMessageContaining("needs 12 bytes, but 8 were given");
  }

  @Test
  void refusesNegativeDimensions() {
    assertThatThrownBy(() -> new AgentTensor(AgentTensor.DType.UINT8, new int[] {-1}, new byte[0]))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AGENT_MALFORMED_TENSOR));
  }

  @Test
  void refusesShapesWhoseElementCountOverflows() {
    assertThatThrownBy(() -> AgentTensor.elementCount(new int[] {65536, 65536}))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AGENT_MALFORMED_TENSOR));
  }

  @Test
  void copiesItsArraysSoCallersCannotMutateIt() {
    byte[] bytes = {1, 2};
    AgentTensor t = AgentTensor.uint8(new int[] {2}, bytes);
    bytes[0] = 9;
    t.data()[1] = 9;

    assertThat(t).isEqualTo(AgentTensor.uint8(new int[] {2}, (byte) 1, (byte) 2));
  }
}
