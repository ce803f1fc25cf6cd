package ai.kinitro.common.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScaleCompactTest {
  private static final HexFormat HEX = HexFormat.of();

  /** chain.md §4.4 "SCALE compact": covers all four modes and each boundary. */
  static Stream<Arguments> chainMdVectors() {
    return Stream.of(
        Arguments.of(0L, "00"),
        Arguments.of(1L, "04"),
        Arguments.of(63L, "fc"),
        Arguments.of(64L, "0101"),
        Arguments.of(16383L, "fdff"),
        Arguments.of(16384L, "02000100"),
        Arguments.of((1L << 30) - 1, "feffffff"),
        Arguments.of(1L << 30, "0300000040"),
        Arguments.of(1L << 32, "070000000001"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("chainMdVectors")
  void encodesTheChainMdCompactVectors(long value, String hex) {
    assertThat(HEX.formatHex(new ScaleWriter().compact(value).toByteArray())).isEqualTo(hex);
    assertThat(HEX.formatHex(new ScaleWriter().compact(BigInteger.valueOf(value)).toByteArray())).isEqualTo(hex);
  }

  @ParameterizedTest(name = "{1} -> {0}")
  @MethodSource("chainMdVectors")
  void decodesTheChainMdCompactVectors(long value, String hex) {
    ScaleReader reader = ScaleReader.of(HEX.parseHex(hex));
    assertThat(reader.compact()).isEqualTo(BigInteger.valueOf(value));
    assertThat(reader.remaining()).isZero();
  }

  @Test
  void encodesTheLargestU64AsNineBytes() {
    assertThat(HEX.formatHex(new ScaleWriter().compactUnsigned(-1L).toByteArray())).isEqualTo("13ffffffffffffffff");
    assertThat(ScaleReader.of(HEX.parseHex("13ffffffffffffffff")).compactU64()).isEqualTo(-1L);
  }

  @Test
  void encodesTheLargestCompactInSixtySevenBytesAndReadsItBack() {
    byte[] encoded = new ScaleWriter().compact(ScaleWriter.MAX_COMPACT).toByteArray();
    assertThat(encoded).hasSize(68);
    assertThat(encoded[0] & 0xFF).isEqualTo(0xFF);
    assertThat(ScaleReader.of(encoded).compact()).isEqualTo(ScaleWriter.MAX_COMPACT);
  }

  @Test
  void refusesToEncodeACompactBeyondTwoToThe536() {
    assertThatThrownBy(() -> new ScaleWriter().compact(ScaleWriter.MAX_COMPACT.add(BigInteger.ONE)))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_VALUE_OUT_OF_RANGE));
  }

  @Test
  void refusesToEncodeANegativeCompact() {
    assertThatThrownBy(() -> new ScaleWriter().compact(-1))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_VALUE_OUT_OF_RANGE));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "0100",             // 0 in two-byte mode
      "fd00",             // 63 in two-byte mode
      "02000000",         // 0 in four-byte mode
      "feff0000",         // 16383 in four-byte mode
      "03ffffff3f",       // 2^30-1 in big mode
      "070000004000",     // 2^30 with a zero top byte
  })
  void rejectsCompactsThatAreNotInTheirShortestForm(String hex) {
    assertThatThrownBy(() -> ScaleReader.of(HEX.parseHex(hex)).compact())
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_DATA_MALFORMED);
          assertThat(e.getMessage()).contains("shortest");
        });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "01", "020001", "03000000", "0b0000000000"})
  void reportsATruncatedCompactAsTruncated(String hex) {
    assertThatThrownBy(() -> ScaleReader.of(HEX.parseHex(hex)).compact())
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_DATA_TRUNCATED));
  }

  @Test
  void rejectsACompactU64ThatNeedsMoreThanEightBytes() {
    byte[] twoToThe64 = new ScaleWriter().compact(BigInteger.ONE.shiftLeft(64)).toByteArray();
    assertThatThrownBy(() -> ScaleReader.of(twoToThe64).compactU64())
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_DATA_MALFORMED));
  }

  @Test
  void roundTripsRandomU64CompactsOfEveryMagnitude() {
    Random random = new Random(20260701L);
    for (int i = 0; i < 5_000; i++) {
      long bits = random.nextLong() >>> random.nextInt(64); // all 64 bits set in about 1/64 of cases
      byte[] encoded = new ScaleWriter().compactUnsigned(bits).toByteArray();
      ScaleReader reader = ScaleReader.of(encoded);
      assertThat(reader.compactU64()).as("value %s", Long.toUnsignedString(bits)).isEqualTo(bits);
      assertThat(reader.remaining()).isZero();
      assertThat(encoded).hasSize(expectedCompactLength(new BigInteger(Long.toUnsignedString(bits))));
    }
  }

  @Test
  void roundTripsRandomBigIntegerCompactsUpToTheLimit() {
    Random random = new Random(536L);
    for (int i = 0; i < 2_000; i++) {
      BigInteger value = new BigInteger(1 + random.nextInt(536), random);
      byte[] encoded = new ScaleWriter().compact(value).toByteArray();
      assertThat(ScaleReader.of(encoded).compact()).isEqualTo(value);
      assertThat(encoded).hasSize(expectedCompactLength(value));
    }
  }

  private static int expectedCompactLength(BigInteger value) {
    if (value.compareTo(BigInteger.valueOf(1L << 6)) < 0) {
      return 1;
    }
    if (value.compareTo(BigInteger.valueOf(1L << 14)) < 0) {
      return 2;
    }
    if (value.compareTo(BigInteger.valueOf(1L << 30)) < 0) {
      return 4;
    }
    return 1 + Math.max(4, (value.bitLength() + 7) / 8);
  }
}
