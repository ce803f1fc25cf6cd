package ai.kinitro.env.classic;

import ai.kinitro.env.ResetOptions;
import ai.kinitro.env.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trajectories {@code src/test/python/classic_reference.py} computed from Gymnasium's
 * published equations (resources {@code classic-reference/<Env>.json}).
 */
final class ReferenceTrajectories {
  static final List<String> FILES = List.of("CartPole", "Pendulum", "MountainCar", "MountainCarContinuous", "Acrobot");

  private ReferenceTrajectories() {}

  record Episode(String env, String trig, int index, Optional<Long> seed, double[] initialState, int maxSteps,
      float[] initialObservation, List<JsonNode> actions, List<float[]> observations, double[] rewards,
      boolean[] terminated, boolean[] truncated, List<double[]> states) {

    /** Seeded episodes reset from the seed (checking the reset draw); others from the given state. */
    ResetOptions resetOptions() {
      ResetOptions base = seed.isPresent() ? ResetOptions.DEFAULT : ResetOptions.fromState(initialState);
      return new ResetOptions(base.initialState(), OptionalInt.of(maxSteps));
    }

    Tensor action(int step) {
      JsonNode a = actions.get(step);
      return a.isIntegralNumber() ? Tensor.scalar(a.longValue()) : Tensor.float32((float) a.doubleValue());
    }

    int steps() {
      return actions.size();
    }

    @Override
    public String toString() {
      return env + " " + trig + " episode " + index + seed.map(s -> " (seed " + s + ")").orElse(" (given state)");
    }
  }

  /** Computed with fdlibm sine and cosine, as {@link StrictMath}: must match bit for bit. */
  static List<Episode> fdlibm() {
    return loadAll("/classic-reference/");
  }

  /** Computed with the platform libm (glibc), as Gymnasium does: must match to float32 precision. */
  static List<Episode> libm() {
    return loadAll("/classic-reference/libm/");
  }

  private static List<Episode> loadAll(String dir) {
    List<Episode> out = new ArrayList<>();
    for (String file : FILES) {
      out.addAll(load(dir + file + ".json"));
    }
    return out;
  }

  static List<Episode> load(String resource) {
    try (InputStream in = ReferenceTrajectories.class.getResourceAsStream(resource)) {
      JsonNode root = JsonMapper.builder().build().readTree(in);
      String env = root.get("env").asString();
      String trig = root.get("trig").asString();
      List<Episode> out = new ArrayList<>();
      int index = 0;
      for (JsonNode e : root.get("episodes").values()) {
        out.add(new Episode(env, trig, index++,
            e.has("seed") ? Optional.of(e.get("seed").longValue()) : Optional.empty(),
            doubles(e.get("initial_state")),
            e.get("max_episode_steps").intValue(),
            floats(e.get("initial_observation")),
            List.copyOf(e.get("actions").values()),
            e.get("observations").values().stream().map(ReferenceTrajectories::floats).toList(),
            doubles(e.get("rewards")),
            booleans(e.get("terminated")),
            booleans(e.get("truncated")),
            e.get("states").values().stream().map(ReferenceTrajectories::doubles).toList()));
      }
      return out;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  static double[] doubles(JsonNode array) {
    return array.values().stream().mapToDouble(JsonNode::doubleValue).toArray();
  }

  static float[] floats(JsonNode array) {
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) array.get(i).doubleValue();
    }
    return out;
  }

  static boolean[] booleans(JsonNode array) {
    boolean[] out = new boolean[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).booleanValue();
    }
    return out;
  }
}
