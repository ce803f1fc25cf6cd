package ai.kinitro.common.chain;

import static ai.kinitro.common.chain.ChainVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleReader;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** chain.md §2.2 "Era". */
class EraTest {

  @ParameterizedTest(name = "period {0} at block {1} -> {2}")
  @CsvSource({"64, 1000, 8502", "128, 5000000, 0604", "4, 7, 3100"})
  void encodesTheChainMdMortalEras(long period, long block, String expected) {
    assertThat(hex(Era.mortal(period, block).toBytes())).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{2} -> period {0} at block {1}")
  @CsvSource({"64, 1000, 8502", "128, 5000000, 0604", "4, 7, 3100"})
  void decodesTheChainMdMortalEras(long period, long block, String encoded) {
    assertThat(Era.read(ScaleReader.of(hex(encoded)))).isEqualTo(Era.mortal(period, block));
  }

  @Test
  void encodesImmortalAsOneZeroByte() {
    assertThat(hex(Era.immortal().toBytes())).isEqualTo("00");
    assertThat(Era.read(ScaleReader.of(hex("00")))).isEqualTo(Era.immortal());
  }

  @Test
  void roundsThePeriodUpToAPowerOfTwoAndClampsIt() {
    assertThat(Era.mortal(100, 0).period()).isEqualTo(128);
    assertThat(Era.mortal(64, 0).period()).isEqualTo(64);
    assertThat(Era.mortal(1, 0).period()).isEqualTo(4);
    assertThat(Era.mortal(3, 0).period()).isEqualTo(4);
    assertThat(Era.mortal(65536, 0).period()).isEqualTo(65536);
    assertThat(Era.mortal(70000, 0).period()).isEqualTo(65536);
    assertThat(Era.mortal(Long.MAX_VALUE, 0).period()).isEqualTo(65536);
  }

  @Test
  void takesThePhaseFromTheBlockNumber() {
    Era era = Era.mortal(64, 1000);
    assertThat(era.phase()).isEqualTo(1000 % 64);
    assertThat(era.birthBlock(1000)).isEqualTo(1000);
    assertThat(era.birthBlock(1063)).isEqualTo(1000);
    assertThat(era.birthBlock(1064)).isEqualTo(1064);
  }

  @Test
  void quantisesThePhaseForPeriodsAbove4096() {
    Era era = Era.mortal(65536, 100_003);
    assertThat(era.phase()).isEqualTo(100_003 % 65536 / 16 * 16);
    assertThat(era.birthBlock(100_003)).isEqualTo(100_000);
  }

  @Test
  void roundTripsRandomMortalEras() {
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      Era era = Era.mortal(1 + random.nextInt(70_000), random.nextLong(0, 1L << 40));
      byte[] encoded = era.toBytes();
      assertThat(encoded).hasSize(2);
      assertThat(Era.read(ScaleReader.of(encoded))).isEqualTo(era);
    }
  }

  @Test
  void rejectsEncodedErasWithAPeriodBelowFourOrAPhaseBeyondThePeriod() {
    // low nibble 0 -> period 2
    assertThatThrownBy(() -> Era.read(ScaleReader.of(hex("1000"))))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_DATA_MALFORMED));
    // period 4, phase 4
    assertThatThrownBy(() -> Era.read(ScaleReader.of(hex("4100"))))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_DATA_MALFORMED));
  }

  @Test
  void refusesAnEraThatMortalCouldNotHaveProduced() {
    assertThatThrownBy(() -> new Era(100, 3))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_VALUE_OUT_OF_RANGE));
    assertThatThrownBy(() -> Era.mortal(0, 5))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}
