package ai.kinitro.env.cli;

import ai.kinitro.env.EnvSpec;
import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.Space;
import ai.kinitro.env.StepResult;
import ai.kinitro.env.Tensor;
import ai.kinitro.env.random.Pcg64;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Environment steps per second on one thread, with and without rendering, printed as a Markdown
 * table. Each measurement warms up first, then counts steps (resetting at episode ends) for a fixed
 * wall-clock time. Actions come from a pre-drawn table, so the policy costs nothing.
 *
 * <pre>java -cp ... ai.kinitro.env.cli.EnvBenchmark [--seconds S] [--size N] [--env ID]...</pre>
 */
public final class EnvBenchmark {
  private static final int ACTIONS = 4096;

  private EnvBenchmark() {}

  public static void main(String[] args) {
    double seconds = 3;
    int size = 84;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--size" -> size = Integer.parseInt(args[++i]);
        case "--env" -> ids.add(args[++i]);
        default -> {
          System.err.println("usage: EnvBenchmark [--seconds S] [--size N] [--env ID]...");
          System.exit(2);
        }
      }
    }
    EnvironmentRegistry registry = EnvironmentRegistry.standard();
    if (ids.isEmpty()) {
      registry.specs().stream().map(s -> s.id().toString()).forEach(ids::add);
    }
    System.out.printf(Locale.ROOT, "Java %s, %s, %d available processors; %.1f s per measurement after warm-up%n%n",
        System.getProperty("java.version"), System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(), seconds);
    System.out.printf(Locale.ROOT, "| Environment | steps/s (no rendering) | steps/s (render %dx%d every step) |%n", size, size);
    System.out.println("|---|---:|---:|");
    double sink = 0;
    for (String id : ids) {
      try (Environment env = registry.create(id)) {
        Tensor[] actions = actions(env.spec());
        Result plain = measure(env, actions, seconds, 0);
        Result rendered = measure(env, actions, seconds, size);
        sink += plain.sink + rendered.sink;
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f |%n", id, plain.rate, rendered.rate);
      }
    }
    System.out.printf(Locale.ROOT, "%n(checksum %.3f)%n", sink);
  }

  private record Result(double rate, double sink) {}

  private static Tensor[] actions(EnvSpec spec) {
    Pcg64 rng = Pcg64.seeded(12345);
    Tensor[] out = new Tensor[ACTIONS];
    for (int i = 0; i < ACTIONS; i++) {
      out[i] = switch (spec.actionSpace()) {
        case Space.Discrete d -> Tensor.scalar(d.start() + (long) (rng.nextDouble() * d.n()));
        case Space.Box b -> {
          float[] v = new float[b.low().length];
          for (int k = 0; k < v.length; k++) {
            v[k] = (float) rng.uniform(b.low(k), b.high(k));
          }
          yield new Tensor.Float32(b.shape(), v);
        }
      };
    }
    return out;
  }

  private static Result measure(Environment env, Tensor[] actions, double seconds, int size) {
    run(env, actions, Math.max(1.0, seconds / 2), size); // warm-up: let the JIT compile the step path
    return run(env, actions, seconds, size);
  }

  private static Result run(Environment env, Tensor[] actions, double seconds, int size) {
    long seed = 0;
    env.reset(seed++);
    double sink = 0;
    long steps = 0;
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    long now;
    do {
      for (int i = 0; i < 1024; i++) {
        StepResult r = env.step(actions[(int) (steps++ & (ACTIONS - 1))]);
        sink += r.reward();
        if (size > 0) {
          sink += env.render("default", size, size).rgb()[0];
        }
        if (r.done()) {
          env.reset(seed++);
        }
      }
      now = System.nanoTime();
    } while (now < deadline);
    return new Result(steps / ((now - start) / 1e9), sink);
  }

}
