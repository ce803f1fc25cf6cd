package ai.kinitro.env.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares our SeedSequence/PCG64/Generator with NumPy's own output for the same seeds
 * ({@code numpy-random/vectors.json}, written by {@code numpy-random/generate.py}).
 */
class Pcg64Test {

  record Vector(long seed, String label, JsonNode node) {
    @Override
    public String toString() {
      return label;
    }
  }

  static List<Vector> vectors() throws IOException {
    try (InputStream in = Pcg64Test.class.getResourceAsStream("/numpy-random/vectors.json")) {
      JsonNode root = JsonMapper.builder().build().readTree(in);
      List<Vector> out = new ArrayList<>();
      for (JsonNode v : root.get("vectors").values()) {
        String seed = v.get("seed").asString();
        out.add(new Vector(new BigInteger(seed).longValue(), "seed " + seed, v));
      }
      return out;
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void seedSequenceExpandsTheSeedIntoTheSameWordsAsNumpy(Vector v) {
    int[] expected = v.node().get("state32").values().stream().mapToInt(n -> (int) n.longValue()).toArray();
    assertThat(new SeedSequence(v.seed()).generateState32(expected.length)).containsExactly(expected);
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void pcg64ProducesNumpysRawStream(Vector v) {
    Pcg64 rng = Pcg64.seeded(v.seed());
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < v.node().get("raw").size(); i++) {
      actual.add(Long.toUnsignedString(rng.nextLong()));
    }
    assertThat(actual).containsExactlyElementsOf(v.node().get("raw").values().stream().map(JsonNode::asString).toList());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void nextDoubleMatchesGeneratorRandomBitForBit(Vector v) {
    Pcg64 rng = Pcg64.seeded(v.seed());
    assertThat(draw(v.node().get("random").size(), rng::nextDouble)).containsExactly(doubles(v.node().get("random")));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void uniformMatchesTheCartPoleResetDrawBitForBit(Vector v) {
    Pcg64 rng = Pcg64.seeded(v.seed());
    assertThat(draw(4, () -> rng.uniform(-0.05, 0.05))).containsExactly(doubles(v.node().get("uniform_cartpole")));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void uniformWithArrayBoundsDrawsElementsInOrder(Vector v) {
    Pcg64 rng = Pcg64.seeded(v.seed());
    double[] actual = {rng.uniform(-Math.PI, Math.PI), rng.uniform(-1.0, 1.0)};
    assertThat(actual).containsExactly(doubles(v.node().get("uniform_pendulum")));
  }

  private static double[] draw(int n, java.util.function.DoubleSupplier s) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = s.getAsDouble();
    }
    return out;
  }

  private static double[] doubles(JsonNode array) {
    return array.values().stream().mapToDouble(JsonNode::doubleValue).toArray();
  }
}
