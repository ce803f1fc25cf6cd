package ai.kinitro.rollout.cli;

import ai.kinitro.common.agent.AgentServer;
import ai.kinitro.common.agent.examples.PolicyAgent;
import ai.kinitro.common.agent.v1.ActRequest;
import ai.kinitro.common.agent.v1.ActResponse;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.Tensor;
import ai.kinitro.rollout.AgentClient;
import ai.kinitro.rollout.AgentStep;
import ai.kinitro.rollout.BenchmarkSpec;
import ai.kinitro.rollout.EnvTensors;
import ai.kinitro.rollout.GrpcAgentClient;
import ai.kinitro.rollout.GrpcAgentClient.ActPath;
import ai.kinitro.rollout.InProcessAgentClient;
import ai.kinitro.rollout.RolloutEngine;
import ai.kinitro.rollout.RolloutListener;
import ai.kinitro.rollout.RolloutOptions;
import ai.kinitro.rollout.RolloutResult;
import ai.kinitro.rollout.TaskSpec;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Measures the agent path: (1) round-trip latency of one unbatched step over gRPC on loopback TCP,
 * as a unary Act and on ActStream, beside a raw TCP ping-pong of the same request and response
 * bytes; (2) rollout throughput on classic/CartPole-v1 with the same policy called in-process and
 * over gRPC (unary and ActStream), for batch sizes 1, 8 and 64. Prints Markdown.
 *
 * <p>{@code AgentBenchmark [--samples N]} (default 30000 round trips per transport).
 */
public final class AgentBenchmark {
  private static final String ENV = "classic/CartPole-v1";
  private static final Duration T = Duration.ofSeconds(5);

  private AgentBenchmark() {}

  public static void main(String[] args) throws Exception {
    int samples = 30_000;
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--samples")) {
        samples = Integer.parseInt(args[i + 1]);
      }
    }
    System.out.printf("JVM %s, %d cores, load average at start: %s%n%n", Runtime.version(),
        Runtime.getRuntime().availableProcessors(), loadAverage());
    latency(samples);
    System.out.println();
    throughput();
  }

  // ---------------------------------------------------------------------------------------------
  // Round-trip latency

  private static void latency(int samples) throws Exception {
    AgentStep step = new AgentStep(0, 0, Map.of("state", Tensor.float32(0.01f, -0.02f, 0.03f, 0.04f)));
    ActRequest request = GrpcAgentClientAccess.request(step);
    ActResponse response = ActResponse.newBuilder().setAction(EnvTensors.toProto(Tensor.scalar(1))).build();
    byte[] req = request.toByteArray();
    byte[] resp = response.toByteArray();
    System.out.printf("## Round trip of one Act (request %d bytes, response %d bytes), %d samples each%n%n",
        req.length, resp.length, samples);
    System.out.println("| transport | p50 (µs) | p99 (µs) | mean (µs) | p50 / raw p50 |");
    System.out.println("|---|---:|---:|---:|---:|");

    long[] raw = rawTcp(req.length, resp.length, samples);
    rawP50 = percentile(raw, 0.5);
    row("raw TCP ping-pong (same bytes)", raw);

    PolicyAgent agent = PolicyAgent.ofState(obs -> new double[] {1});
    agent.reset(new ai.kinitro.common.agent.TaskInfo("t", ENV, "", 0, new ai.kinitro.common.agent.ActionSpace.Discrete(2, 0), 500));
    try (AgentServer server = AgentServer.start(agent, NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)));
        GrpcAgentClient client = GrpcAgentClient.tcp("127.0.0.1", server.port(), ActPath.UNARY)) {
      row("gRPC unary Act, server calls handed to a thread pool (grpc default)", time(samples, () -> client.act(step, T)));
    }
    try (AgentServer server = AgentServer.start(agent, new AgentServer.Options("127.0.0.1", 0))) {
      try (GrpcAgentClient client = GrpcAgentClient.tcp("127.0.0.1", server.port(), ActPath.UNARY)) {
        row("gRPC unary Act (SDK server, evaluator client)", time(samples, () -> client.act(step, T)));
      }
      try (GrpcAgentClient client = GrpcAgentClient.tcp("127.0.0.1", server.port())) {
        long[] stream = time(samples, () -> client.act(step, T));
        if (!client.streaming()) {
          throw new IllegalStateException("the SDK server should implement ActStream");
        }
        row("gRPC ActStream (SDK server, evaluator client)", stream);
      }
    }
  }

  private static long rawP50;

  private static long percentile(long[] nanos, double p) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[(int) (s.length * p)];
  }

  private static void row(String name, long[] nanos) {
    double mean = Arrays.stream(nanos).average().orElse(0);
    long p50 = percentile(nanos, 0.5);
    System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f |%n", name, p50 / 1e3, percentile(nanos, 0.99) / 1e3, mean / 1e3,
        (double) p50 / rawP50);
  }

  private static String loadAverage() {
    try {
      return String.join(" ", java.util.Arrays.asList(
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ")).subList(0, 3));
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static long[] time(int samples, Runnable call) {
    for (int i = 0; i < Math.max(5_000, samples / 2); i++) {
      call.run();
    }
    long[] out = new long[samples];
    for (int i = 0; i < samples; i++) {
      long t0 = System.nanoTime();
      call.run();
      out[i] = System.nanoTime() - t0;
    }
    return out;
  }

  private static long[] rawTcp(int reqLen, int respLen, int samples) throws Exception {
    try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread server = Thread.ofPlatform().daemon().start(() -> {
        try (Socket s = ss.accept()) {
          s.setTcpNoDelay(true);
          DataInputStream in = new DataInputStream(s.getInputStream());
          OutputStream out = s.getOutputStream();
          byte[] r = new byte[reqLen];
          byte[] w = new byte[respLen];
          while (true) {
            in.readFully(r);
            out.write(w);
          }
        } catch (IOException done) {
          // client closed
        }
      });
      try (Socket c = new Socket()) {
        c.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), ss.getLocalPort()));
        c.setTcpNoDelay(true);
        OutputStream out = c.getOutputStream();
        DataInputStream in = new DataInputStream(c.getInputStream());
        byte[] w = new byte[reqLen];
        byte[] r = new byte[respLen];
        long[] result = time(samples, () -> {
          try {
            out.write(w);
            in.readFully(r);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        c.close();
        server.join(1000);
        return result;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Rollout throughput

  private static void throughput() throws Exception {
    EnvironmentRegistry registry = EnvironmentRegistry.standard();
    RolloutEngine engine = new RolloutEngine(registry);
    System.out.println("## Rollout throughput, classic/CartPole-v1, CartPole controller (500-step episodes)");
    System.out.println();
    System.out.println("Agent-steps per second of wall time, and per CPU-second of the whole process (evaluator and "
        + "agent share the JVM; per-core figure = steps / process CPU time).");
    System.out.println();
    System.out.println("| batch | episodes | path | steps | wall s | steps/s | steps per CPU-s |");
    System.out.println("|---:|---:|---|---:|---:|---:|---:|");
    for (int batch : new int[] {1, 8, 64}) {
      int episodes = Math.max(64, 2 * batch);
      BenchmarkSpec spec = BenchmarkSpec.of(List.of(new TaskSpec("cartpole", ENV, "", 42)), episodes, 0);
      RolloutOptions options = RolloutOptions.DEFAULT.withBatchSize(batch).withRunDeadline(Duration.ofHours(1));
      // Warm-up, then measure.
      measure(engine, spec, options, new InProcessAgentClient(PolicyAgent.ofState(PolicyAgent.CART_POLE)));
      String[] inProcess = measure(engine, spec, options, new InProcessAgentClient(PolicyAgent.ofState(PolicyAgent.CART_POLE)));
      System.out.printf("| %d | %d | in-process | %s |%n", batch, episodes, String.join(" | ", inProcess));
      for (ActPath path : ActPath.values()) {
        try (AgentServer server = AgentServer.start(PolicyAgent.ofState(PolicyAgent.CART_POLE),
            new AgentServer.Options("127.0.0.1", 0));
            GrpcAgentClient client = GrpcAgentClient.tcp("127.0.0.1", server.port(), path)) {
          measure(engine, spec, options, client);
          String[] grpc = measure(engine, spec, options, client);
          System.out.printf("| %d | %d | gRPC loopback, %s | %s |%n", batch, episodes,
              path == ActPath.UNARY ? "unary" : "ActStream", String.join(" | ", grpc));
        }
      }
    }
  }

  private static String[] measure(RolloutEngine engine, BenchmarkSpec spec, RolloutOptions options, AgentClient agent) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    RolloutResult r = engine.run(spec, agent, options, RolloutListener.NONE);
    long wall = System.nanoTime() - t0;
    long cpu = os.getProcessCpuTime() - cpu0;
    if (!r.completed()) {
      throw new IllegalStateException("benchmark run failed: " + r.failure());
    }
    long steps = r.metrics().totalSteps();
    return new String[] {Long.toString(steps), String.format("%.2f", wall / 1e9), String.format("%.0f", steps / (wall / 1e9)),
        String.format("%.0f", steps / (cpu / 1e9))};
  }

  /** Reads the request builder of the client without widening its API. */
  static final class GrpcAgentClientAccess {
    private GrpcAgentClientAccess() {}

    static ActRequest request(AgentStep step) {
      ai.kinitro.common.agent.v1.Observation.Builder obs = ai.kinitro.common.agent.v1.Observation.newBuilder();
      step.observation().forEach((k, v) -> obs.putTensors(k, EnvTensors.toProto(v)));
      return ActRequest.newBuilder().setEpisodeIndex(step.episodeIndex()).setStep(step.step()).setObservation(obs).build();
    }
  }
}
