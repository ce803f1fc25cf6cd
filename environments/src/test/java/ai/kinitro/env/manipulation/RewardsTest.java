package ai.kinitro.env.manipulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RewardsTest {
  @Test
  void toleranceIsOneInsideTheBoundsAndATenthAtTheMargin() {
    assertThat(Rewards.tolerance(0.03, 0, 0.05, 0.4)).isEqualTo(1.0);
    assertThat(Rewards.tolerance(0.45, 0, 0.05, 0.4)).isCloseTo(0.1, within(1e-12));
    assertThat(Rewards.tolerance(0.25, 0, 0.05, 0.4)).isCloseTo(1 / (0.25 * 9 + 1), within(1e-12));
  }

  @Test
  void theHamacherProductIsASoftAnd() {
    assertThat(Rewards.hamacher(1, 1)).isEqualTo(1.0);
    assertThat(Rewards.hamacher(0, 0.7)).isZero();
    assertThat(Rewards.hamacher(0.5, 0.5)).isCloseTo(0.25 / 0.75, within(1e-12));
  }
}
