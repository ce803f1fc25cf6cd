package ai.kinitro.env.classic;

import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.env.EnvSpec;
import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.Space;
import ai.kinitro.env.StepResult;
import ai.kinitro.env.Tensor;
import ai.kinitro.env.random.Pcg64;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/** Runs seeded episodes with a seeded random policy and digests everything they produce. */
final class Episodes {
  static final String[] IDS = {"classic/CartPole-v1", "classic/Pendulum-v1", "classic/MountainCar-v0",
      "classic/MountainCarContinuous-v0", "classic/Acrobot-v1"};

  private Episodes() {}

  /** A random action of the space, drawn from {@code rng}. */
  static Tensor randomAction(Space space, Pcg64 rng) {
    return switch (space) {
      case Space.Discrete d -> Tensor.scalar(d.start() + (long) (rng.nextDouble() * d.n()));
      case Space.Box b -> Tensor.float32((float) rng.uniform(b.low(0), b.high(0)));
    };
  }

  /**
   * SHA-256 over the observations, rewards, flags and final state of one episode (seed {@code
   * seed}, actions from a generator seeded with {@code seed + 1}), plus one 84x84 frame.
   */
  static String digest(String id, long seed) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Environment env = EnvironmentRegistry.standard().create(id);
         DataOutputStream out = new DataOutputStream(bytes)) {
      EnvSpec spec = env.spec();
      Pcg64 policy = Pcg64.seeded(seed + 1);
      writeFloats(out, env.reset(seed).get("state"));
      StepResult r;
      do {
        r = env.step(randomAction(spec.actionSpace(), policy));
        writeFloats(out, r.observation().get("state"));
        out.writeDouble(r.reward());
        out.writeBoolean(r.terminated());
        out.writeBoolean(r.truncated());
        out.writeBoolean(r.success());
      } while (!r.done());
      for (double v : env.state()) {
        out.writeDouble(v);
      }
      out.write(env.render("default", 84, 84).rgb());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(Hashing.sha256(bytes.toByteArray()));
  }

  private static void writeFloats(DataOutputStream out, Tensor t) throws IOException {
    for (float v : ((Tensor.Float32) t).data()) {
      out.writeFloat(v);
    }
  }
}
