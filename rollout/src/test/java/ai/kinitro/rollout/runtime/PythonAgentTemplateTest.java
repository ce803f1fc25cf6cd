package ai.kinitro.rollout.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.kinitro.common.agent.ActionSpace;
import ai.kinitro.common.agent.AgentTensor;
import ai.kinitro.common.agent.TaskInfo;
import ai.kinitro.common.agent.examples.PolicyAgent;
import ai.kinitro.env.DType;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.Tensor;
import ai.kinitro.rollout.AgentClient;
import ai.kinitro.rollout.AgentStep;
import ai.kinitro.rollout.BenchmarkSpec;
import ai.kinitro.rollout.EpisodeOutcome;
import ai.kinitro.rollout.EpisodeSummary;
import ai.kinitro.rollout.GrpcAgentClient;
import ai.kinitro.rollout.InProcessAgentClient;
import ai.kinitro.rollout.RolloutEngine;
import ai.kinitro.rollout.RolloutListener;
import ai.kinitro.rollout.RolloutOptions;
import ai.kinitro.rollout.RolloutResult;
import ai.kinitro.rollout.TaskSpec;
import ai.kinitro.rollout.submission.ArchiveLimits;
import ai.kinitro.rollout.submission.Submission;
import ai.kinitro.rollout.submission.SubmissionArchive;
import ai.kinitro.rollout.submission.SubmissionManifest;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python agent template ({@code docs/examples/python-agent/}) for real: its files and stubs
 * generated from {@code agent.proto} are packed into a .tar.gz, extracted with the archive checks
 * and started by {@link LocalSandboxRuntime} with the template's own manifest (in the sandbox when
 * bubblewrap is there, and as a plain process), then evaluated over gRPC by the rollout engine.
 * Needs {@code /usr/bin/python3} with grpc, protobuf and numpy, and protoc with the gRPC Python
 * plugin (Debian: {@value #PACKAGES}); without them the tests are skipped, saying so.
 */
@Tag("slow")
class PythonAgentTemplateTest {
  static final String PACKAGES =
      "python3-grpcio python3-protobuf python3-numpy protobuf-compiler protobuf-compiler-grpc";
  private static final String PYTHON = "/usr/bin/python3";
  private static final String NAME = "python-example/1";
  private static final AgentLimits LIMITS = AgentLimits.DEFAULT.withStartupTimeout(Duration.ofSeconds(60));
  private static final Duration T = Duration.ofSeconds(10);
  /** Three CartPole episodes at the environment's own limit (500 steps). */
  private static final BenchmarkSpec CART_POLE =
      BenchmarkSpec.of(List.of(new TaskSpec("cartpole#0", "classic/CartPole-v1", "", 11)), 3, 0);

  private static Path template;
  private static Path proto;
  /** How to generate the stubs in the working directory: protoc with the plugin, or grpc_tools. */
  private static List<String> protoc;

  @TempDir
  Path tmp;

  @BeforeAll
  static void findTheTemplateAndTheTools() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.isRegularFile(root.resolve("docs/examples/python-agent/agent.py"))) {
      root = root.getParent();
    }
    assertThat(root).as("repository root above %s", Path.of("").toAbsolutePath()).isNotNull();
    template = root.resolve("docs/examples/python-agent");
    proto = root.resolve("common/src/main/proto/kinitro/agent/v1/agent.proto");

    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(Path.of(PYTHON))) {
      missing.add(PYTHON);
    } else if (run(Path.of("."), List.of(PYTHON, "-c", "import grpc, numpy, google.protobuf")).exit() != 0) {
      missing.add("the Python modules grpc, numpy and google.protobuf for " + PYTHON);
    }
    Optional<Path> protocBin = onPath("protoc");
    Optional<Path> plugin = onPath("grpc_python_plugin");
    if (protocBin.isPresent() && plugin.isPresent()) {
      protoc = List.of(protocBin.get().toString(), "--plugin=protoc-gen-grpc_python=" + plugin.get());
    } else if (missing.isEmpty() && run(Path.of("."), List.of(PYTHON, "-c", "import grpc_tools.protoc")).exit() == 0) {
      protoc = List.of(PYTHON, "-m", "grpc_tools.protoc");
    } else {
      missing.add(protocBin.isEmpty() ? "protoc" : "grpc_python_plugin");
    }
    assumeTrue(missing.isEmpty(), () -> "The Python agent template needs " + String.join(", ", missing)
        + "; install the Debian packages: apt-get install " + PACKAGES);
  }

  @AfterEach
  void nothingIsLeftRunning() throws InterruptedException {
    Leftovers.assertNoneLeft(tmp.resolve("run"));
  }

  @Test
  void theTemplatePlaysCartPoleOnActStreamExactlyLikeTheSameControllerInJavaInBothIsolations() throws IOException {
    Submission sub = templateSubmission("template", UnaryOperator.identity());
    RolloutEngine engine = new RolloutEngine(EnvironmentRegistry.standard());
    RolloutResult java = engine.run(CART_POLE, new InProcessAgentClient(PolicyAgent.ofState(PolicyAgent.CART_POLE)),
        RolloutOptions.DEFAULT, RolloutListener.NONE);

    assertThat(sub.manifest()).isEqualTo(new SubmissionManifest.Command(List.of(PYTHON, "agent.py")));
    for (LocalSandboxRuntime.Config config : configs()) {
      try (RunningAgent agent = new LocalSandboxRuntime(config).start(sub, LIMITS)) {
        assertThat(agent.isolation()).isEqualTo(config.sandboxAvailable() ? Isolation.SANDBOX : Isolation.PROCESS);
        assertThat(agent.agentName()).isEqualTo(NAME);
        assertThat(agent.ping(T)).isEqualTo(NAME);

        RolloutResult single = engine.run(CART_POLE, agent.client(), RolloutOptions.DEFAULT.withCallTimeout(T),
            RolloutListener.NONE);
        RolloutResult batched = engine.run(CART_POLE, agent.client(),
            RolloutOptions.DEFAULT.withCallTimeout(T).withBatchSize(3), RolloutListener.NONE);

        assertThat(single.failure()).as(agent.isolation().name()).isEmpty();
        // The controller balances the pole to the time limit: 500 steps, +1 each, every episode.
        assertThat(outcomes(single)).as(agent.isolation().name()).isEqualTo(outcomes(java)).containsExactly(
            "cartpole#0 seed " + java.episodes().get(0).seed() + ": 500 steps, reward 500.0, success true, TRUNCATED",
            "cartpole#0 seed " + java.episodes().get(1).seed() + ": 500 steps, reward 500.0, success true, TRUNCATED",
            "cartpole#0 seed " + java.episodes().get(2).seed() + ": 500 steps, reward 500.0, success true, TRUNCATED");
        assertThat(outcomes(batched)).as(agent.isolation().name()).isEqualTo(outcomes(java));
        assertThat(single.metrics().successRate()).isEqualTo(1.0);
        // Still true after 3000 steps: every Act and ActBatch went on ActStream (an UNIMPLEMENTED
        // ActStream would have switched the client to unary calls for good).
        assertThat(grpc(agent).streaming()).as(agent.isolation().name()).isTrue();
      }
    }
  }

  @Test
  void withoutActStreamTheTemplateFallsBackToUnaryCallsAndScoresTheSame() throws IOException {
    Submission sub = templateSubmission("no-stream",
        agentPy -> replaceOnce(agentPy, "    def ActStream(self,", "    def _act_stream_left_out(self,"));
    RolloutEngine engine = new RolloutEngine(EnvironmentRegistry.standard());
    RolloutResult java = engine.run(CART_POLE, new InProcessAgentClient(PolicyAgent.ofState(PolicyAgent.CART_POLE)),
        RolloutOptions.DEFAULT, RolloutListener.NONE);

    try (RunningAgent agent = new LocalSandboxRuntime(plainProcess()).start(sub, LIMITS)) {
      RolloutResult single = engine.run(CART_POLE, agent.client(), RolloutOptions.DEFAULT.withCallTimeout(T),
          RolloutListener.NONE);
      RolloutResult batched = engine.run(CART_POLE, agent.client(),
          RolloutOptions.DEFAULT.withCallTimeout(T).withBatchSize(3), RolloutListener.NONE);

      assertThat(grpc(agent).streaming()).isFalse();
      assertThat(outcomes(single)).isEqualTo(outcomes(java));
      assertThat(outcomes(batched)).isEqualTo(outcomes(java));
    }
  }

  @Test
  void theTemplatesBoxBranchPlaysAManipulationEpisodeAndAnswersInTheBoxsDtype() throws IOException {
    Submission sub = templateSubmission("manipulation", UnaryOperator.identity());
    BenchmarkSpec reach = BenchmarkSpec.of(List.of(new TaskSpec("reach#0", "manipulation/reach-v1", "", 7)), 2, 40);
    RolloutEngine engine = new RolloutEngine(EnvironmentRegistry.standard());
    // The template's box policy: zeros, clipped to the box.
    RolloutResult java = engine.run(reach, new InProcessAgentClient(PolicyAgent.ofState(obs -> new double[4])),
        RolloutOptions.DEFAULT, RolloutListener.NONE);

    try (RunningAgent agent = new LocalSandboxRuntime(configs().getFirst()).start(sub, LIMITS)) {
      RolloutResult python = engine.run(reach, agent.client(), RolloutOptions.DEFAULT.withCallTimeout(T),
          RolloutListener.NONE);

      assertThat(python.failure()).isEmpty();
      assertThat(outcomes(python)).isEqualTo(outcomes(java));
      assertThat(python.episodes()).extracting(EpisodeSummary::steps, EpisodeSummary::outcome)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(40, EpisodeOutcome.TRUNCATED),
              org.assertj.core.groups.Tuple.tuple(40, EpisodeOutcome.TRUNCATED));

      // Directly: a box action comes back in the box's dtype and shape, clipped; a discrete one is
      // an int64 scalar offset by the space's start.
      AgentClient client = agent.client();
      Map<String, Tensor> leaningRight = Map.of("state", Tensor.float64(0, 0, 0.05, 0.1));
      client.reset(new TaskInfo("box#0", "test/box", "", 100,
          new ActionSpace.Box(AgentTensor.DType.FLOAT32, new int[] {2, 2}, new double[] {0.5, -1, -3, 0.25},
              new double[] {2, 1, -2, Double.POSITIVE_INFINITY}), 10), T);
      client.reset(new TaskInfo("discrete#0", "test/discrete", "", 101, new ActionSpace.Discrete(2, 3), 10), T);

      Tensor box = client.act(new AgentStep(100, 0, leaningRight), T);
      Tensor choice = client.act(new AgentStep(101, 0, leaningRight), T);

      assertThat(box.dtype()).isEqualTo(DType.FLOAT32);
      assertThat(box.shape()).containsExactly(2, 2);
      assertThat(List.of(box.getDouble(0), box.getDouble(1), box.getDouble(2), box.getDouble(3)))
          .isEqualTo(List.of(0.5, 0.0, -2.0, 0.25));
      assertThat(choice.dtype()).isEqualTo(DType.INT64);
      assertThat(choice.shape()).isEmpty();
      assertThat(choice.getDouble(0)).isEqualTo(4.0);
    }
  }

  /** The sandbox when available, and always the plain-process fallback. */
  private List<LocalSandboxRuntime.Config> configs() {
    LocalSandboxRuntime.Config c = LocalSandboxRuntime.Config.detect(tmp.resolve("run"));
    return c.sandboxAvailable() ? List.of(c, c.withoutSandbox()) : List.of(c);
  }

  private LocalSandboxRuntime.Config plainProcess() {
    return LocalSandboxRuntime.Config.detect(tmp.resolve("run")).withoutSandbox();
  }

  private static GrpcAgentClient grpc(RunningAgent agent) {
    assertThat(agent.client()).isInstanceOf(ClassifyingAgentClient.class);
    AgentClient delegate = ((ClassifyingAgentClient) agent.client()).delegate();
    assertThat(delegate).isInstanceOf(GrpcAgentClient.class);
    return (GrpcAgentClient) delegate;
  }

  /**
   * The template as a miner ships it: manifest, agent.py (through {@code edit}) and the generated
   * stubs in a .tar.gz, extracted as the evaluator does.
   */
  private Submission templateSubmission(String name, UnaryOperator<String> edit) throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src-" + name));
    Files.copy(template.resolve(SubmissionManifest.FILE_NAME), src.resolve(SubmissionManifest.FILE_NAME));
    Files.writeString(src.resolve("agent.py"), edit.apply(Files.readString(template.resolve("agent.py"))));
    Files.copy(proto, src.resolve("agent.proto"));
    List<String> cmd = new ArrayList<>(protoc);
    cmd.addAll(List.of("-I.", "--python_out=.", "--grpc_python_out=.", "agent.proto"));
    Run generated = run(src, cmd);
    assertThat(generated.exit()).as("%s\n%s", cmd, generated.output()).isZero();

    Path archive = tmp.resolve(name + ".tar.gz");
    try (OutputStream out = Files.newOutputStream(archive);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      for (String file : List.of(SubmissionManifest.FILE_NAME, "agent.py", "agent_pb2.py", "agent_pb2_grpc.py")) {
        byte[] bytes = Files.readAllBytes(src.resolve(file));
        TarArchiveEntry e = new TarArchiveEntry(file);
        e.setSize(bytes.length);
        e.setMode(0100644);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    }
    return SubmissionArchive.extract(archive, sha256(archive), tmp.resolve("extracted-" + name), ArchiveLimits.DEFAULT);
  }

  private static String replaceOnce(String text, String target, String replacement) {
    assertThat(text).containsOnlyOnce(target);
    return text.replace(target, replacement);
  }

  /** What decides a score: per episode its task, seed, steps, reward and success. */
  private static List<String> outcomes(RolloutResult r) {
    return r.episodes().stream().map(e -> e.taskId() + " seed " + e.seed() + ": " + e.steps() + " steps, reward "
        + e.totalReward() + ", success " + e.success() + ", " + e.outcome()).toList();
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Path> onPath(String program) {
    List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    dirs.add("/usr/bin");
    return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, program)).filter(Files::isExecutable)
        .findFirst();
  }

  private record Run(int exit, String output) {}

  private static Run run(Path dir, List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    try {
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        return new Run(-1, output + "\n(timed out)");
      }
      return new Run(p.exitValue(), output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return new Run(-1, "interrupted");
    }
  }
}
