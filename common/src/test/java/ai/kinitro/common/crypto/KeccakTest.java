package ai.kinitro.common.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeccakTest {
  private static final HexFormat HEX = HexFormat.of();

  /** SHA3-256 as a sponge over our permutation: rate 136 bytes, domain padding 0x06 .. 0x80. */
  private static byte[] sha3_256(byte[] message) {
    int rate = 136;
    byte[] state = new byte[Keccak.STATE_BYTES];
    int padded = (message.length / rate + 1) * rate;
    byte[] input = new byte[padded];
    System.arraycopy(message, 0, input, 0, message.length);
    input[message.length] ^= 0x06;
    input[padded - 1] ^= (byte) 0x80;
    for (int block = 0; block < padded; block += rate) {
      for (int i = 0; i < rate; i++) {
        state[i] ^= input[block + i];
      }
      Keccak.permute(state);
    }
    byte[] out = new byte[32];
    System.arraycopy(state, 0, out, 0, 32);
    return out;
  }

  private static byte[] jdkSha3(byte[] message) throws Exception {
    return MessageDigest.getInstance("SHA3-256").digest(message);
  }

  @Test
  void sha3OfTheEmptyStringMatchesTheFips202Value() {
    assertThat(HEX.formatHex(sha3_256(new byte[0])))
        .isEqualTo("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
  }

  @Test
  void sha3BuiltOnThePermutationMatchesTheJdkAcrossBlockBoundaries() throws Exception {
    Random random = new Random(42);
    for (int length : new int[] {0, 1, 3, 135, 136, 137, 200, 271, 272, 273, 1000}) {
      byte[] message = new byte[length];
      random.nextBytes(message);
      assertThat(sha3_256(message)).as("length %d", length).isEqualTo(jdkSha3(message));
    }
  }

  @Test
  void sha3OfAbcMatchesTheJdk() throws Exception {
    byte[] abc = "abc".getBytes(UTF_8);
    assertThat(sha3_256(abc)).isEqualTo(jdkSha3(abc));
  }

  @Test
  void laneAndByteFormsOfThePermutationAgree() {
    byte[] bytes = new byte[Keccak.STATE_BYTES];
    new Random(7).nextBytes(bytes);
    long[] lanes = new long[Keccak.LANES];
    java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(lanes);
    Keccak.permute(bytes);
    Keccak.permute(lanes);
    long[] fromBytes = new long[Keccak.LANES];
    java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(fromBytes);
    assertThat(fromBytes).isEqualTo(lanes);
  }

  @Test
  void rejectsAStateOfTheWrongSize() {
    assertThatThrownBy(() -> Keccak.permute(new long[24])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Keccak.permute(new byte[199])).isInstanceOf(IllegalArgumentException.class);
  }
}
