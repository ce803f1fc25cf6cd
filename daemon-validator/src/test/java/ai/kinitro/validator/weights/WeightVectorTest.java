package ai.kinitro.validator.weights;

import static ai.kinitro.validator.testing.Messages.ALICE;
import static ai.kinitro.validator.testing.Messages.BOB;
import static ai.kinitro.validator.testing.Messages.CHARLIE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.WeightEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightVectorTest {
  private static SubnetView subnet(List<String> hotkeys) {
    return new SubnetView(26, 100, 360, 100, false, 1, 0, hotkeys, hotkeys.stream().map(h -> 0L).toList());
  }

  @Test
  void maxUpscalesToU16RoundingHalfToEvenAndSortsByUid() {
    WeightVector v = WeightVector.plan(
        List.of(new WeightEntry(2, CHARLIE, 0.98), new WeightEntry(1, BOB, 0.02)), subnet(List.of(ALICE, BOB, CHARLIE)));

    assertThat(v).isEqualTo(new WeightVector(new int[] {1, 2}, new int[] {(int) Math.rint(0.02 / 0.98 * 65535), 65535}));
  }

  @Test
  void followsAHotkeyToTheUidItHoldsNowAndDropsDeregisteredOnes() {
    // The snapshot was computed when BOB held uid 1 and CHARLIE uid 2; now uid 1 was reused by CHARLIE, BOB is gone.
    WeightVector v = WeightVector.plan(
        List.of(new WeightEntry(1, BOB, 0.5), new WeightEntry(2, CHARLIE, 0.5)), subnet(List.of(ALICE, CHARLIE)));

    assertThat(v).isEqualTo(new WeightVector(new int[] {1}, new int[] {65535}));
  }

  @Test
  void weightsThatRoundToZeroAreDropped() {
    WeightVector v = WeightVector.plan(
        List.of(new WeightEntry(0, ALICE, 1.0), new WeightEntry(1, BOB, 0.000001)), subnet(List.of(ALICE, BOB)));

    assertThat(v).isEqualTo(new WeightVector(new int[] {0}, new int[] {65535}));
  }

  @Test
  void aSnapshotWithNoRegisteredHotkeyHasNothingToSet() {
    assertThatThrownBy(() -> WeightVector.plan(List.of(new WeightEntry(1, BOB, 1.0)), subnet(List.of(ALICE))))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WEIGHTS_NOTHING_TO_SET));
  }
}
