package ai.kinitro.rollout.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.kinitro.common.agent.ActionSpace;
import ai.kinitro.common.agent.AgentTensor;
import ai.kinitro.common.agent.TaskInfo;
import ai.kinitro.common.agent.examples.PolicyAgent;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.Tensor;
import ai.kinitro.rollout.AgentClient;
import ai.kinitro.rollout.AgentStep;
import ai.kinitro.rollout.BenchmarkSpec;
import ai.kinitro.rollout.EpisodeSummary;
import ai.kinitro.rollout.InProcessAgentClient;
import ai.kinitro.rollout.RolloutEngine;
import ai.kinitro.rollout.RolloutListener;
import ai.kinitro.rollout.RolloutOptions;
import ai.kinitro.rollout.RolloutResult;
import ai.kinitro.rollout.TaskSpec;
import ai.kinitro.rollout.onnx.OnnxModelWriter;
import ai.kinitro.rollout.submission.ArchiveLimits;
import ai.kinitro.rollout.submission.Submission;
import ai.kinitro.rollout.submission.SubmissionArchive;
import ai.kinitro.rollout.submission.SubmissionManifest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onnx} submissions end to end: a .tar.gz holding a manifest and a hand-encoded model,
 * extracted with the archive checks, started by {@link LocalSandboxRuntime} (Kinitro's ONNX runner
 * in the sandbox, and in the plain-process fallback), evaluated over gRPC by the rollout engine.
 */
@Tag("slow")
class OnnxSubmissionTest {
  @TempDir
  Path tmp;

  private static final AgentLimits LIMITS = AgentLimits.DEFAULT.withStartupTimeout(Duration.ofSeconds(60));
  private static final Duration T = Duration.ofSeconds(10);
  private static final String MANIFEST = "{\"kind\":\"onnx\",\"model\":\"policy.onnx\",\"input\":\"state\",\"output\":\"action\"}";

  private static boolean sandboxAvailable() {
    return LocalSandboxRuntime.Config.detect(Path.of("/tmp")).sandboxAvailable();
  }

  private List<LocalSandboxRuntime.Config> configs() {
    LocalSandboxRuntime.Config c = LocalSandboxRuntime.Config.detect(tmp.resolve("run"));
    return c.sandboxAvailable() ? List.of(c, c.withoutSandbox()) : List.of(c);
  }

  /** Packs the files into an archive and extracts it as the evaluator does. */
  private Submission submission(String name, Map<String, byte[]> files) throws IOException {
    Path archive = tmp.resolve(name + ".tar.gz");
    try (OutputStream out = Files.newOutputStream(archive);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        TarArchiveEntry e = new TarArchiveEntry(f.getKey());
        e.setSize(f.getValue().length);
        e.setMode(0100644);
        tar.putArchiveEntry(e);
        tar.write(f.getValue());
        tar.closeArchiveEntry();
      }
    }
    return SubmissionArchive.extract(archive, sha256(archive), tmp.resolve("extracted-" + name), ArchiveLimits.DEFAULT);
  }

  private Submission onnxSubmission(String name, byte[] model) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(SubmissionManifest.FILE_NAME, MANIFEST.getBytes(StandardCharsets.UTF_8));
    files.put("policy.onnx", model);
    return submission(name, files);
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What decides a score: per episode its task, seed, steps, reward and success. */
  private static List<String> outcomes(RolloutResult r) {
    return r.episodes().stream().map(OnnxSubmissionTest::outcome).toList();
  }

  private static String outcome(EpisodeSummary e) {
    return e.taskId() + " seed " + e.seed() + ": " + e.steps() + " steps, reward " + e.totalReward() + ", success "
        + e.success() + ", " + e.outcome();
  }

  @AfterEach
  void nothingIsLeftRunning() throws InterruptedException {
    Leftovers.assertNoneLeft(tmp.resolve("run"));
  }

  @Test
  void anOnnxCartPolePolicyInTheSandboxPlaysExactlyLikeTheSameLinearPolicyInJava() throws IOException {
    assumeTrue(sandboxAvailable(), "bubblewrap and socat are installed");
    Submission sub = onnxSubmission("cartpole", OnnxModelWriter.cartPolePolicy());
    BenchmarkSpec spec = BenchmarkSpec.of(List.of(new TaskSpec("cartpole#0", "classic/CartPole-v1", "", 11)), 4, 150);
    RolloutEngine engine = new RolloutEngine(EnvironmentRegistry.standard());
    RolloutResult java = engine.run(spec,
        new InProcessAgentClient(PolicyAgent.ofState(PolicyAgent.linear(OnnxModelWriter.cartPoleWeights()))),
        RolloutOptions.DEFAULT, RolloutListener.NONE);

    try (RunningAgent agent = new LocalSandboxRuntime(configs().getFirst()).start(sub, LIMITS)) {
      assertThat(agent.isolation()).isEqualTo(Isolation.SANDBOX);
      assertThat(agent.agentName()).isEqualTo("kinitro-onnx-runner/1 (policy.onnx)");

      RolloutResult single = engine.run(spec, agent.client(), RolloutOptions.DEFAULT.withCallTimeout(T),
          RolloutListener.NONE);
      RolloutResult batched = engine.run(spec, agent.client(), RolloutOptions.DEFAULT.withCallTimeout(T).withBatchSize(4),
          RolloutListener.NONE);

      assertThat(single.completed()).isTrue();
      assertThat(outcomes(single)).isEqualTo(outcomes(java));
      assertThat(outcomes(batched)).isEqualTo(outcomes(java));
      assertThat(single.metrics().successRate()).isEqualTo(java.metrics().successRate()).isGreaterThan(0.5);
    }
  }

  @Test
  void aBoxActionIsTheModelsOutputClippedToTheSpaceInBothIsolations() throws IOException {
    double[][] w = {{-2.5, 0.75, -1.5}};
    Submission sub = onnxSubmission("pendulum",
        OnnxModelWriter.linearPolicy("state", "action", w, new double[] {0.25}, OnnxModelWriter.Batch.NONE));
    ActionSpace box = new ActionSpace.Box(AgentTensor.DType.FLOAT32, new int[] {1}, new double[] {-2}, new double[] {2});
    float[][] states = {{0.1f, 0.2f, 0.3f}, {-0.9f, 0.4f, -0.2f}, {1f, -1f, 1f}, {-1f, 0.5f, -2f}};
    for (LocalSandboxRuntime.Config config : configs()) {
      try (RunningAgent agent = new LocalSandboxRuntime(config).start(sub, LIMITS)) {
        AgentClient client = agent.client();
        client.reset(new TaskInfo("pendulum#0", "classic/Pendulum-v1", "", 0, box, 200), T);
        for (int k = 0; k < states.length; k++) {
          float[] s = states[k];
          double expected = Math.clamp(0.25 + w[0][0] * s[0] + w[0][1] * s[1] + w[0][2] * s[2], -2, 2);

          Tensor action = client.act(new AgentStep(0, k, Map.of("state", Tensor.float32(s))), T);

          assertThat(action.dtype()).isEqualTo(ai.kinitro.env.DType.FLOAT32);
          assertThat(action.shape()).containsExactly(1);
          assertThat(action.getDouble(0)).as("%s, state %d", agent.isolation(), k).isCloseTo(expected, within(1e-5));
        }
      }
    }
  }

  @Test
  void aModelOnnxruntimeCannotLoadFailsTheStartWithItsCodeInBothIsolations() throws IOException {
    Submission sub = onnxSubmission("junk", "not an onnx model".getBytes(StandardCharsets.UTF_8));
    for (LocalSandboxRuntime.Config config : configs()) {
      assertThatThrownBy(() -> new LocalSandboxRuntime(config).start(sub, LIMITS))
          .isInstanceOfSatisfying(KinitroException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.AGENT_FAILED_TO_START);
            assertThat(e.getMessage()).contains("exited with status 3").contains("error[1460 ONNX_MODEL_INVALID]");
          });
    }
  }

  @Test
  void aModelWithoutTheManifestsInputFailsTheStartWithTheSignatureCode() throws IOException {
    Submission sub = onnxSubmission("renamed", OnnxModelWriter.linearPolicy("obs", "action",
        OnnxModelWriter.cartPoleWeights(), new double[2], OnnxModelWriter.Batch.DYNAMIC));

    assertThatThrownBy(() -> new LocalSandboxRuntime(configs().getFirst()).start(sub, LIMITS))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.AGENT_FAILED_TO_START);
          assertThat(e.getMessage()).contains("error[1461 ONNX_MODEL_SIGNATURE_MISMATCH]: The model has no input named "
              + "'state' (its inputs: [obs])");
        });
  }

  @Test
  void anObservationTheModelDoesNotFitFailsTheCallAsTheAgentsFault() throws IOException {
    Submission sub = onnxSubmission("wrong-env", OnnxModelWriter.cartPolePolicy());
    BenchmarkSpec pendulum = BenchmarkSpec.of(List.of(new TaskSpec("pendulum#0", "classic/Pendulum-v1", "", 5)), 1, 20);
    try (RunningAgent agent = new LocalSandboxRuntime(configs().getFirst()).start(sub, LIMITS)) {
      RolloutResult r = new RolloutEngine(EnvironmentRegistry.standard())
          .run(pendulum, agent.client(), RolloutOptions.DEFAULT.withCallTimeout(T), RolloutListener.NONE);

      assertThat(r.failure()).hasValueSatisfying(f -> {
        assertThat(f.code()).isEqualTo(ErrorCode.AGENT_CALL_FAILED);
        assertThat(f.message()).contains("ONNX_OBSERVATION_MISMATCH");
      });
    }
  }
}
