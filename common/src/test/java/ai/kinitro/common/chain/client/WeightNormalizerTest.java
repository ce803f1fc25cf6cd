package ai.kinitro.common.chain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.chain.client.WeightNormalizer.NormalizedWeights;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import org.junit.jupiter.api.Test;

/** Expected values are those of Python's {@code round(w / max * 65535)} (the SDK's rule). */
class WeightNormalizerTest {

  @Test
  void scalesTheLargestWeightTo65535AndRoundsHalfToEvenUpwards() {
    assertThat(WeightNormalizer.normalize(new int[] {0, 1}, new double[] {1.0, 0.5}))
        .isEqualTo(new NormalizedWeights(new int[] {0, 1}, new int[] {65535, 32768}));
  }

  @Test
  void roundsHalfToEvenDownwardsWhereTheFloorIsEven() {
    assertThat(WeightNormalizer.normalize(new int[] {3, 4, 5}, new double[] {2.5, 4.5, 65535}))
        .isEqualTo(new NormalizedWeights(new int[] {3, 4, 5}, new int[] {2, 4, 65535}));
  }

  @Test
  void roundsHalfToEvenUpwardsWhereTheFloorIsOdd() {
    assertThat(WeightNormalizer.normalize(new int[] {3, 5}, new double[] {1.5, 65535}))
        .isEqualTo(new NormalizedWeights(new int[] {3, 5}, new int[] {2, 65535}));
  }

  @Test
  void dropsUidsWhoseWeightRoundsToZero() {
    assertThat(WeightNormalizer.normalize(new int[] {0, 1, 2, 3}, new double[] {0.3, 0.7, 0.0, 1e-9}))
        .isEqualTo(new NormalizedWeights(new int[] {0, 1}, new int[] {28086, 65535}));
    assertThat(WeightNormalizer.normalize(new int[] {7, 8}, new double[] {0.5, 65535}))
        .isEqualTo(new NormalizedWeights(new int[] {8}, new int[] {65535}));
  }

  @Test
  void givesNothingToSetForAllZeroWeights() {
    assertThat(WeightNormalizer.normalize(new int[] {0, 1}, new double[] {0, 0}))
        .isEqualTo(new NormalizedWeights(new int[0], new int[0]));
  }

  @Test
  void refusesNegativeOrNonFiniteWeights() {
    for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> WeightNormalizer.normalize(new int[] {0, 1}, new double[] {1, bad}))
          .isInstanceOfSatisfying(KinitroException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_WEIGHTS_INVALID));
    }
  }

  @Test
  void refusesListsOfDifferentLengths() {
    assertThatThrownBy(() -> WeightNormalizer.normalize(new int[] {0, 1}, new double[] {1}))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.WEIGHTS_LENGTH_MISMATCH));
  }
}
