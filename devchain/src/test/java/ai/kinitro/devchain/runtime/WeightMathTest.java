package ai.kinitro.devchain.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightMathTest {
  @Test
  void theLargestValueBecomes65535AndHalvesRoundAwayFromZero() {
    assertThat(WeightMath.maxUpscale(List.of(100, 50))).containsExactly(65535, 32768);
    assertThat(WeightMath.maxUpscale(List.of(2, 1))).containsExactly(65535, 32768);
  }

  @Test
  void valuesAboveTheThresholdScaleByTheTruncatedRatio() {
    assertThat(WeightMath.maxUpscale(List.of(65535, 32768))).containsExactly(65535, 32768);
    // 65535/40000 truncated to 32 fractional bits makes 20000 land just under 32767.5.
    assertThat(WeightMath.maxUpscale(List.of(40000, 20000, 1))).containsExactly(65535, 32767, 2);
  }

  @Test
  void allZeroWeightsStayZero() {
    assertThat(WeightMath.maxUpscale(List.of(0, 0))).containsExactly(0, 0);
  }

  @Test
  void theMaxWeightLimitComparesTheNormalisedLargestValue() {
    assertThat(WeightMath.maxLimited(List.of(65535, 65535), 32768)).isTrue();
    assertThat(WeightMath.maxLimited(List.of(65535, 32768), 32768)).isFalse();
  }
}
