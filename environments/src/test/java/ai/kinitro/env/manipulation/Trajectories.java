package ai.kinitro.env.manipulation;

import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentFactory;
import ai.kinitro.env.StepResult;
import ai.kinitro.env.Tensor;
import ai.kinitro.env.manipulation.experts.ManipulationPolicy;
import ai.kinitro.env.manipulation.experts.ScriptedExperts;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Runs seeded episodes and digests everything they produce, bit for bit. */
final class Trajectories {
  private Trajectories() {}

  static EnvironmentFactory factory(String task) {
    return ManipulationSuite.factories().stream()
        .filter(f -> f.spec().id().name().equals(task))
        .findFirst()
        .orElseThrow();
  }

  /** SHA-256 over every observation, reward and flag of an expert episode, plus the final state. */
  static String digest(String task, long seed, int steps) {
    try (Environment env = factory(task).create()) {
      return digest(env, ScriptedExperts.forTask(task), env.reset(seed), steps);
    }
  }

  static String digest(Environment env, ManipulationPolicy policy, Map<String, Tensor> first, int steps) {
    MessageDigest sha = sha256();
    Map<String, Tensor> obs = first;
    add(sha, obs.get("state"));
    for (int i = 0; i < steps; i++) {
      StepResult r = env.step(policy.act(obs));
      obs = r.observation();
      add(sha, obs.get("state"));
      sha.update(ByteBuffer.allocate(10).putDouble(r.reward()).put((byte) (r.success() ? 1 : 0))
          .put((byte) (r.truncated() ? 1 : 0)).array());
      if (r.done()) {
        break;
      }
    }
    for (double v : env.state()) {
      sha.update(ByteBuffer.allocate(8).putLong(Double.doubleToRawLongBits(v)).array());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void add(MessageDigest sha, Tensor t) {
    ByteBuffer b = ByteBuffer.allocate(8 * t.size());
    for (int i = 0; i < t.size(); i++) {
      b.putLong(Double.doubleToRawLongBits(t.getDouble(i)));
    }
    sha.update(b.array());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
