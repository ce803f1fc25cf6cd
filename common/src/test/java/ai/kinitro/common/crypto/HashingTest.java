package ai.kinitro.common.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HashingTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void xxh64MatchesTheReferenceVectors() {
    assertThat(Long.toHexString(Hashing.xxh64(new byte[0], 0))).isEqualTo("ef46db3751d8e999");
    assertThat(Long.toHexString(Hashing.xxh64("abc".getBytes(UTF_8), 0))).isEqualTo("44bc2cf5ad770999");
  }

  @Test
  void twox128OfPalletAndItemNamesMatchesKnownStoragePrefixes() {
    assertThat(HEX.formatHex(Hashing.twox128("System".getBytes(UTF_8)))).isEqualTo("26aa394eea5630e07c48ae0c9558cef7");
    assertThat(HEX.formatHex(Hashing.twox128("Account".getBytes(UTF_8)))).isEqualTo("b99d880ec681799c0cf30e8886371da9");
    assertThat(HEX.formatHex(Hashing.twox128("Commitments".getBytes(UTF_8)))).isEqualTo("ca407206ec1ab726b2636c4b145ac287");
    assertThat(HEX.formatHex(Hashing.twox128("CommitmentOf".getBytes(UTF_8)))).isEqualTo("419a60ae8b01e6dcaebd7317e43c69bf");
    assertThat(HEX.formatHex(Hashing.twox128("SubtensorModule".getBytes(UTF_8)))).isEqualTo("658faa385070e074c85bf6b568cf0555");
    assertThat(HEX.formatHex(Hashing.twox128("Keys".getBytes(UTF_8)))).isEqualTo("9f99a2ce711f3a31b2fc05604c93f179");
    assertThat(HEX.formatHex(Hashing.twox128("Weights".getBytes(UTF_8)))).isEqualTo("a1e7036061f484bc3048a64b64e35ec4");
    assertThat(HEX.formatHex(Hashing.twox128("TotalHotkeyAlpha".getBytes(UTF_8)))).isEqualTo("ee25c3b5b1886863480497907f1829e6");
  }

  @Test
  void xxh64CoversEveryTailLengthConsistentlyAcrossTheStripeBoundary() {
    // Lengths 0..100 exercise the 32-byte stripes and the 8/4/1-byte tails; the hash must differ
    // for every prefix of a non-repeating input.
    byte[] data = new byte[100];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 7 + 3);
    }
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (int n = 0; n <= data.length; n++) {
      seen.add(Hashing.xxh64(java.util.Arrays.copyOf(data, n), 0));
    }
    assertThat(seen).hasSize(101);
  }

  @Test
  void blake2b256OfEmptyInputMatchesTheReference() {
    assertThat(HEX.formatHex(Hashing.blake2b256(new byte[0])))
        .isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  }
}
