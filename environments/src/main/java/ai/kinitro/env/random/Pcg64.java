package ai.kinitro.env.random;

/**
 * NumPy's default bit generator {@code PCG64} (128-bit LCG state, XSL-RR output) together with the
 * two {@code numpy.random.Generator} draws the environments use: {@link #nextDouble()} ({@code
 * random()}) and {@link #uniform(double, double)}. {@code Pcg64.seeded(s)} produces exactly the
 * stream of {@code np.random.Generator(np.random.PCG64(np.random.SeedSequence(s)))}.
 *
 * <p>Not thread-safe; one instance per episode.
 */
public final class Pcg64 {
  private static final long MULT_HIGH = 2549297995355413924L;
  private static final long MULT_LOW = 4865540595714422341L;

  private long stateHigh;
  private long stateLow;
  private final long incHigh;
  private final long incLow;

  /** Seeds like NumPy: {@code generate_state(4, uint64)} gives initstate (words 0-1) and initseq. */
  public Pcg64(SeedSequence seeds) {
    long[] w = seeds.generateState64(4);
    long initStateHigh = w[0];
    long initStateLow = w[1];
    long initSeqHigh = w[2];
    long initSeqLow = w[3];
    incHigh = (initSeqHigh << 1) | (initSeqLow >>> 63);
    incLow = (initSeqLow << 1) | 1L;
    stateHigh = 0;
    stateLow = 0;
    step();
    long low = stateLow + initStateLow;
    long carry = Long.compareUnsigned(low, stateLow) < 0 ? 1 : 0;
    stateHigh = stateHigh + initStateHigh + carry;
    stateLow = low;
    step();
  }

  /** {@code Generator(PCG64(SeedSequence(seed)))} with the seed read as unsigned 64-bit. */
  public static Pcg64 seeded(long seed) {
    return new Pcg64(new SeedSequence(seed));
  }

  private void step() {
    // state = state * MULT + inc (mod 2^128)
    long low = stateLow * MULT_LOW;
    long high = Math.unsignedMultiplyHigh(stateLow, MULT_LOW) + stateLow * MULT_HIGH + stateHigh * MULT_LOW;
    long newLow = low + incLow;
    long carry = Long.compareUnsigned(newLow, low) < 0 ? 1 : 0;
    stateHigh = high + incHigh + carry;
    stateLow = newLow;
  }

  /** The next raw 64-bit output ({@code bit_generator.random_raw()}). */
  public long nextLong() {
    step();
    return Long.rotateRight(stateHigh ^ stateLow, (int) (stateHigh >>> 58));
  }

  /** A double in [0, 1) from the top 53 bits of the next output ({@code Generator.random()}). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /**
   * {@code Generator.uniform(low, high)} for one element: {@code low + (high - low) * random()}.
   * For an array of bounds NumPy draws the elements in order with this same formula.
   */
  public double uniform(double low, double high) {
    double range = high - low;
    return low + range * nextDouble();
  }
}
