package ai.kinitro.env.cli;

import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentFactory;
import ai.kinitro.env.StepResult;
import ai.kinitro.env.Tensor;
import ai.kinitro.env.manipulation.ManipulationSuite;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Single-threaded throughput of the manipulation suite: physics steps per second without
 * rendering (uniform random actions, resetting when an episode ends), and rendered frames per
 * second from the corner camera at 84x84 and 480x480. A warm-up pass over every task precedes the
 * measurements. Rates are given per second of wall-clock time and per second of this thread's CPU
 * time; the second is what the code costs when other processes share the machine.
 *
 * <p>Usage: {@code ManipulationBenchmark [steps=100000] [frames84=5000] [frames480=300]}
 */
public final class ManipulationBenchmark {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private ManipulationBenchmark() {}

  public static void main(String[] args) {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int frames84 = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int frames480 = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    Tensor.Float32[] actions = new Tensor.Float32[4096];
    SplittableRandom rng = new SplittableRandom(42);
    for (int i = 0; i < actions.length; i++) {
      actions[i] = Tensor.float32((float) (rng.nextDouble() * 2 - 1), (float) (rng.nextDouble() * 2 - 1),
          (float) (rng.nextDouble() * 2 - 1), (float) (rng.nextDouble() * 2 - 1));
    }
    System.out.printf(Locale.ROOT, "Java %s, %s %s, %d processors; single thread%n", Runtime.version(),
        System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
    System.out.println();
    System.out.println("| task | steps/s (no rendering) | steps per CPU-s | frames/s 84x84 | frames per CPU-s 84x84 | frames/s 480x480 |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    // Warm-up pass over every task first, so the JIT has compiled the shared code paths.
    for (EnvironmentFactory f : ManipulationSuite.factories()) {
      try (Environment env = f.create()) {
        runSteps(env, actions, Math.max(steps / 5, 1000));
        frames(env, 84, Math.max(frames84 / 5, 20));
      }
    }
    double minSteps = Double.MAX_VALUE;
    double minFrames = Double.MAX_VALUE;
    long totalSteps = 0;
    double totalSeconds = 0;
    for (EnvironmentFactory f : ManipulationSuite.factories()) {
      try (Environment env = f.create()) {
        long c0 = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        runSteps(env, actions, steps);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
        double stepsPerSecond = steps / seconds;
        totalSteps += steps;
        totalSeconds += seconds;
        double[] fps84 = frames(env, 84, frames84);
        double[] fps480 = frames(env, 480, frames480);
        minSteps = Math.min(minSteps, stepsPerSecond);
        minFrames = Math.min(minFrames, fps84[0]);
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f |%n", f.spec().id(), stepsPerSecond,
            steps / cpuSeconds, fps84[0], fps84[1], fps480[0]);
      }
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "all tasks: %,.0f steps/s; slowest task %,.0f steps/s; slowest 84x84 rendering %,.0f frames/s%n",
        totalSteps / totalSeconds, minSteps, minFrames);
  }

  private static void runSteps(Environment env, Tensor.Float32[] actions, int steps) {
    env.reset(1);
    long seed = 1;
    for (int i = 0; i < steps; i++) {
      StepResult r = env.step(actions[i & (actions.length - 1)]);
      if (r.done()) {
        env.reset(++seed);
      }
    }
  }

  /** Frames per wall-clock second and per CPU second. */
  private static double[] frames(Environment env, int size, int count) {
    env.reset(3);
    for (int i = 0; i < Math.max(count / 5, 20); i++) {
      env.render("corner", size, size);
    }
    long c0 = CPU.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      env.render("corner", size, size);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
    return new double[] {count / seconds, count / cpuSeconds};
  }
}
