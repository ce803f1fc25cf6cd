package ai.kinitro.env.random;

/**
 * NumPy's {@code numpy.random.SeedSequence} for one non-negative integer of entropy, no spawn key
 * and the default pool of four 32-bit words. It hashes the seed into the pool once and then
 * expands the pool into as many well-mixed words as a bit generator needs.
 *
 * <p>A Java {@code long} seed is read as an unsigned 64-bit integer, so {@code -1L} is the Python
 * integer {@code 2**64 - 1}.
 */
public final class SeedSequence {
  private static final int POOL_SIZE = 4;
  private static final int INIT_A = 0x43b0d7e5;
  private static final int MULT_A = 0x931e8875;
  private static final int INIT_B = 0x8b51f9dd;
  private static final int MULT_B = 0x58f38ded;
  private static final int MIX_MULT_L = 0xca01f9dd;
  private static final int MIX_MULT_R = 0x4973f715;
  private static final int XSHIFT = 16;

  private final int[] pool = new int[POOL_SIZE];

  /** The sequence NumPy builds for {@code SeedSequence(seed)}, the seed read as unsigned. */
  public SeedSequence(long seed) {
    int[] entropy = entropyWords(seed);
    int[] hashConst = {INIT_A};
    for (int i = 0; i < POOL_SIZE; i++) {
      pool[i] = hashmix(i < entropy.length ? entropy[i] : 0, hashConst);
    }
    for (int src = 0; src < POOL_SIZE; src++) {
      for (int dst = 0; dst < POOL_SIZE; dst++) {
        if (src != dst) {
          pool[dst] = mix(pool[dst], hashmix(pool[src], hashConst));
        }
      }
    }
    // A 64-bit seed has at most two words, so no entropy is left over for the pool of four.
  }

  /** NumPy splits an integer into 32-bit words, least significant first; zero is one word. */
  private static int[] entropyWords(long seed) {
    int low = (int) seed;
    int high = (int) (seed >>> 32);
    return high == 0 ? new int[] {low} : new int[] {low, high};
  }

  private static int hashmix(int value, int[] hashConst) {
    value ^= hashConst[0];
    hashConst[0] *= MULT_A;
    value *= hashConst[0];
    value ^= value >>> XSHIFT;
    return value;
  }

  private static int mix(int x, int y) {
    int result = MIX_MULT_L * x - MIX_MULT_R * y;
    result ^= result >>> XSHIFT;
    return result;
  }

  /** {@code generate_state(n, np.uint32)}: {@code n} words, as unsigned values in ints. */
  public int[] generateState32(int words) {
    int[] out = new int[words];
    int hashConst = INIT_B;
    for (int i = 0; i < words; i++) {
      int value = pool[i % POOL_SIZE];
      value ^= hashConst;
      hashConst *= MULT_B;
      value *= hashConst;
      value ^= value >>> XSHIFT;
      out[i] = value;
    }
    return out;
  }

  /**
   * {@code generate_state(n, np.uint64)}: twice as many 32-bit words, paired little-endian (the
   * first word of each pair is the low half).
   */
  public long[] generateState64(int words) {
    int[] w = generateState32(2 * words);
    long[] out = new long[words];
    for (int i = 0; i < words; i++) {
      out[i] = (w[2 * i] & 0xFFFF_FFFFL) | ((long) w[2 * i + 1] << 32);
    }
    return out;
  }
}
