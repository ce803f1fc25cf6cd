package ai.kinitro.common.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ScaleCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  private static String hex(ScaleWriter writer) {
    return HEX.formatHex(writer.toByteArray());
  }

  private static ScaleReader reader(String hex) {
    return ScaleReader.of(HEX.parseHex(hex));
  }

  private static void assertFails(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void writesFixedWidthIntegersLittleEndian() {
    ScaleWriter writer = new ScaleWriter()
        .u8(0xAB).u16(0x0102).u32(0x01020304L).u64(0x0102030405060708L)
        .u128(new BigInteger("0102030405060708090a0b0c0d0e0f10", 16));
    assertThat(hex(writer)).isEqualTo("ab" + "0201" + "04030201" + "0807060504030201" + "100f0e0d0c0b0a090807060504030201");
  }

  @Test
  void readsFixedWidthIntegersLittleEndian() {
    ScaleReader r = reader("ab" + "0201" + "04030201" + "0807060504030201" + "100f0e0d0c0b0a090807060504030201");
    assertThat(r.u8()).isEqualTo(0xAB);
    assertThat(r.u16()).isEqualTo(0x0102);
    assertThat(r.u32()).isEqualTo(0x01020304L);
    assertThat(r.u64()).isEqualTo(0x0102030405060708L);
    assertThat(r.u128()).isEqualTo(new BigInteger("0102030405060708090a0b0c0d0e0f10", 16));
    assertThat(r.remaining()).isZero();
  }

  @Test
  void readsTheMaximumUnsignedValuesWithoutSignErrors() {
    ScaleReader r = reader("ff" + "ffff" + "ffffffff" + "ffffffffffffffff" + "ff".repeat(16));
    assertThat(r.u8()).isEqualTo(255);
    assertThat(r.u16()).isEqualTo(65535);
    assertThat(r.u32()).isEqualTo(4294967295L);
    assertThat(Long.toUnsignedString(r.u64())).isEqualTo("18446744073709551615");
    assertThat(r.u128()).isEqualTo(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
  }

  @Test
  void refusesToWriteIntegersOutsideTheirWidth() {
    assertFails(() -> new ScaleWriter().u8(256), ErrorCode.CHAIN_VALUE_OUT_OF_RANGE);
    assertFails(() -> new ScaleWriter().u16(-1), ErrorCode.CHAIN_VALUE_OUT_OF_RANGE);
    assertFails(() -> new ScaleWriter().u16(65536), ErrorCode.CHAIN_VALUE_OUT_OF_RANGE);
    assertFails(() -> new ScaleWriter().u32(1L << 32), ErrorCode.CHAIN_VALUE_OUT_OF_RANGE);
    assertFails(() -> new ScaleWriter().u128(BigInteger.ONE.shiftLeft(128)), ErrorCode.CHAIN_VALUE_OUT_OF_RANGE);
  }

  @Test
  void writesBoolsAsOneByte() {
    assertThat(hex(new ScaleWriter().bool(false).bool(true))).isEqualTo("0001");
  }

  @Test
  void rejectsABoolByteOtherThanZeroOrOne() {
    assertFails(() -> reader("02").bool(), ErrorCode.CHAIN_DATA_MALFORMED);
  }

  @Test
  void writesByteVectorsAndStringsWithACompactLength() {
    assertThat(hex(new ScaleWriter().bytes(new byte[] {1, 2, 3}).string("abc"))).isEqualTo("0c010203" + "0c616263");
    ScaleReader r = reader("0c010203" + "0c616263");
    assertThat(r.bytes()).containsExactly(1, 2, 3);
    assertThat(r.string()).isEqualTo("abc");
  }

  @Test
  void writesFixedByteArraysWithoutALength() {
    assertThat(hex(new ScaleWriter().fixedBytes(new byte[] {9, 8}, 2))).isEqualTo("0908");
    assertThat(reader("0908").fixedBytes(2)).containsExactly(9, 8);
  }

  @Test
  void refusesAFixedArrayOfTheWrongSize() {
    assertFails(() -> new ScaleWriter().fixedBytes(new byte[31], 32), ErrorCode.CHAIN_VALUE_OUT_OF_RANGE);
  }

  @Test
  void rejectsAStringThatIsNotUtf8() {
    assertFails(() -> reader("04ff").string(), ErrorCode.CHAIN_DATA_MALFORMED);
  }

  @Test
  void writesOptionsAsATagFollowedByTheValue() {
    ScaleWriter writer = new ScaleWriter()
        .option(Optional.<Integer>empty(), ScaleWriter::u16)
        .option(Optional.of(0x0102), ScaleWriter::u16);
    assertThat(hex(writer)).isEqualTo("00" + "010201");
    ScaleReader r = reader("00010201");
    assertThat(r.option(ScaleReader::u16)).isEmpty();
    assertThat(r.option(ScaleReader::u16)).contains(0x0102);
  }

  @Test
  void rejectsAnOptionTagOtherThanZeroOrOne() {
    assertFails(() -> reader("020000").option(ScaleReader::u16), ErrorCode.CHAIN_DATA_MALFORMED);
  }

  @Test
  void writesSequencesWithACompactCountAndOneEncodingPerItem() {
    ScaleWriter writer = new ScaleWriter().sequence(List.of(1L, 2L), ScaleWriter::u32);
    assertThat(hex(writer)).isEqualTo("08" + "01000000" + "02000000");
    assertThat(reader("080100000002000000").sequence(ScaleReader::u32)).containsExactly(1L, 2L);
  }

  @Test
  void writesU16SequencesFromIntArrays() {
    assertThat(hex(new ScaleWriter().u16Sequence(new int[] {0, 1}))).isEqualTo("08" + "0000" + "0100");
    assertThat(reader("0800000100").u16Sequence()).containsExactly(0, 1);
  }

  @Test
  void writesAnEnumVariantAsItsIndexByte() {
    assertThat(hex(new ScaleWriter().enumIndex(2).u16(7))).isEqualTo("020700");
    assertThat(reader("02").enumIndex()).isEqualTo(2);
  }

  @Test
  void reportsTruncatedFixedWidthReadsAsTruncatedNotIndexOutOfBounds() {
    assertFails(() -> reader("").u8(), ErrorCode.CHAIN_DATA_TRUNCATED);
    assertFails(() -> reader("01").u16(), ErrorCode.CHAIN_DATA_TRUNCATED);
    assertFails(() -> reader("010203").u32(), ErrorCode.CHAIN_DATA_TRUNCATED);
    assertFails(() -> reader("01020304050607").u64(), ErrorCode.CHAIN_DATA_TRUNCATED);
    assertFails(() -> reader("00").u128(), ErrorCode.CHAIN_DATA_TRUNCATED);
    assertFails(() -> reader("0102").fixedBytes(3), ErrorCode.CHAIN_DATA_TRUNCATED);
  }

  @Test
  void rejectsAVectorLengthLargerThanTheBytesLeft() {
    assertThatThrownBy(() -> reader("1001").bytes())
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_DATA_TRUNCATED);
          assertThat(e.getMessage()).contains("declares 4").contains("only 1 bytes remain");
        });
    // a hostile length close to u32::MAX must fail fast instead of allocating
    assertFails(() -> reader("03ffffffff").sequence(ScaleReader::u8), ErrorCode.CHAIN_DATA_TRUNCATED);
  }

  @Test
  void zeroPaddedReaderFillsMissingTrailingBytesWithZeros() {
    ScaleReader r = ScaleReader.zeroPadded(HEX.parseHex("0102"));
    assertThat(r.u32()).isEqualTo(0x0201L);
    assertThat(r.u64()).isZero();
    assertThat(r.compact()).isEqualTo(BigInteger.ZERO);
    assertThat(r.remaining()).isZero();
  }

  @Test
  void zeroPaddedReaderStillRequiresTheBytesALengthPrefixDeclares() {
    assertFails(() -> ScaleReader.zeroPadded(HEX.parseHex("0801")).bytes(), ErrorCode.CHAIN_DATA_TRUNCATED);
  }

  @Test
  void readRestReturnsTheUnreadBytesAndConsumesThem() {
    ScaleReader r = reader("01020304");
    r.u8();
    assertThat(r.remaining()).isEqualTo(3);
    assertThat(r.readRest()).containsExactly(2, 3, 4);
    assertThat(r.remaining()).isZero();
    assertThat(r.readRest()).isEmpty();
  }

  @Test
  void expectEndReportsTrailingBytes() {
    ScaleReader r = reader("0100");
    r.u8();
    assertFails(() -> r.expectEnd("test value"), ErrorCode.CHAIN_DATA_MALFORMED);
  }

  @Test
  void readerDoesNotSeeLaterChangesToTheCallersArray() {
    byte[] data = {1};
    ScaleReader r = ScaleReader.of(data);
    data[0] = 2;
    assertThat(r.u8()).isEqualTo(1);
  }

  @Test
  void roundTripsRandomRecordsOfMixedFields() {
    Random random = new Random(42);
    for (int i = 0; i < 1_000; i++) {
      int a = random.nextInt(256);
      int b = random.nextInt(65536);
      long c = random.nextLong() >>> 32;
      long d = random.nextLong();
      BigInteger e = new BigInteger(128, random);
      boolean f = random.nextBoolean();
      byte[] g = new byte[random.nextInt(300)];
      random.nextBytes(g);
      Optional<Long> h = random.nextBoolean() ? Optional.of(random.nextLong() >>> 1) : Optional.empty();
      int[] k = random.ints(random.nextInt(20), 0, 65536).toArray();

      byte[] encoded = new ScaleWriter().u8(a).u16(b).u32(c).u64(d).u128(e).bool(f).bytes(g)
          .option(h, ScaleWriter::compact).u16Sequence(k).toByteArray();

      ScaleReader r = ScaleReader.of(encoded);
      assertThat(r.u8()).isEqualTo(a);
      assertThat(r.u16()).isEqualTo(b);
      assertThat(r.u32()).isEqualTo(c);
      assertThat(r.u64()).isEqualTo(d);
      assertThat(r.u128()).isEqualTo(e);
      assertThat(r.bool()).isEqualTo(f);
      assertThat(r.bytes()).isEqualTo(g);
      assertThat(r.option(ScaleReader::compactU64)).isEqualTo(h);
      assertThat(r.u16Sequence()).isEqualTo(k);
      r.expectEnd("random record");
    }
  }
}
