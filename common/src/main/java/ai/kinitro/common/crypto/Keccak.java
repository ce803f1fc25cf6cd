package ai.kinitro.common.crypto;

import java.util.Objects;

/**
 * The Keccak-f[1600] permutation (FIPS 202), the core of SHA-3 and of STROBE. The state is 25
 * lanes of 64 bits; lane {@code x + 5y} holds bytes {@code 8(x + 5y) .. 8(x + 5y) + 7} of the
 * 200-byte state in little-endian order.
 */
public final class Keccak {
  /** Number of 64-bit lanes in the state. */
  public static final int LANES = 25;

  /** Size of the state in bytes. */
  public static final int STATE_BYTES = 200;

  private static final int ROUNDS = 24;

  private static final long[] ROUND_CONSTANTS = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
    0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
    0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
  };

  /** Rotation offsets of the rho step, indexed by lane {@code x + 5y}. */
  private static final int[] RHO = {
    0, 1, 62, 28, 27,
    36, 44, 6, 55, 20,
    3, 10, 43, 25, 39,
    41, 45, 15, 21, 8,
    18, 2, 61, 56, 14
  };

  private Keccak() {}

  /** Applies the 24-round permutation to {@code lanes} (exactly 25 entries) in place. */
  public static void permute(long[] lanes) {
    Objects.requireNonNull(lanes, "lanes");
    if (lanes.length != LANES) {
      throw new IllegalArgumentException("Keccak-f[1600] needs 25 lanes, got " + lanes.length);
    }
    long[] c = new long[5];
    long[] b = new long[LANES];
    for (int round = 0; round < ROUNDS; round++) {
      // theta
      for (int x = 0; x < 5; x++) {
        c[x] = lanes[x] ^ lanes[x + 5] ^ lanes[x + 10] ^ lanes[x + 15] ^ lanes[x + 20];
      }
      for (int x = 0; x < 5; x++) {
        long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
        for (int y = 0; y < 25; y += 5) {
          lanes[x + y] ^= d;
        }
      }
      // rho and pi: B[y, 2x + 3y] = rot(A[x, y], r[x, y])
      for (int x = 0; x < 5; x++) {
        for (int y = 0; y < 5; y++) {
          int from = x + 5 * y;
          int to = y + 5 * ((2 * x + 3 * y) % 5);
          b[to] = Long.rotateLeft(lanes[from], RHO[from]);
        }
      }
      // chi
      for (int y = 0; y < 25; y += 5) {
        for (int x = 0; x < 5; x++) {
          lanes[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
        }
      }
      // iota
      lanes[0] ^= ROUND_CONSTANTS[round];
    }
  }

  /** Applies the permutation to a 200-byte state in place (lanes read and written little-endian). */
  public static void permute(byte[] state) {
    Objects.requireNonNull(state, "state");
    if (state.length != STATE_BYTES) {
      throw new IllegalArgumentException("Keccak-f[1600] needs a 200-byte state, got " + state.length);
    }
    long[] lanes = new long[LANES];
    for (int i = 0; i < LANES; i++) {
      long v = 0;
      for (int j = 7; j >= 0; j--) {
        v = (v << 8) | (state[8 * i + j] & 0xFFL);
      }
      lanes[i] = v;
    }
    permute(lanes);
    for (int i = 0; i < LANES; i++) {
      long v = lanes[i];
      for (int j = 0; j < 8; j++) {
        state[8 * i + j] = (byte) v;
        v >>>= 8;
      }
    }
  }
}
