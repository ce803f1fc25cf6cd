package ai.kinitro.rollout.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.rollout.BenchmarkSpec;
import ai.kinitro.rollout.GoalEnvironmentAccess;
import ai.kinitro.rollout.RolloutEngine;
import ai.kinitro.rollout.RolloutListener;
import ai.kinitro.rollout.RolloutOptions;
import ai.kinitro.rollout.RolloutResult;
import ai.kinitro.rollout.TaskSpec;
import ai.kinitro.rollout.onnx.OnnxRunner;
import ai.kinitro.rollout.submission.Submission;
import ai.kinitro.rollout.submission.SubmissionManifest;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Real agent processes (JVMs running {@link TestAgents}) in the sandbox and in the fallback. */
@Tag("slow")
class LocalSandboxRuntimeTest {
  @TempDir
  Path tmp;

  private static final List<String> CLASS_PATH = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
  private static final BenchmarkSpec SPEC = BenchmarkSpec.of(
      List.of(new TaskSpec("goal#0", GoalEnvironmentAccess.ID, "", 1234)), 2, 5);
  private static final AgentLimits LIMITS = AgentLimits.DEFAULT.withStartupTimeout(Duration.ofSeconds(30));

  private LocalSandboxRuntime.Config sandboxed() {
    LocalSandboxRuntime.Config c = LocalSandboxRuntime.Config.detect(tmp.resolve("run"));
    List<Path> paths = new ArrayList<>();
    CLASS_PATH.forEach(p -> paths.add(Path.of(p).toAbsolutePath()));
    return c.withExtraReadOnlyPaths(paths);
  }

  private static boolean sandboxAvailable() {
    return LocalSandboxRuntime.Config.detect(Path.of("/tmp")).sandboxAvailable();
  }

  private Submission submission(String... modeAndArgs) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("sub-" + modeAndArgs[0]));
    List<String> cmd = new ArrayList<>(List.of(JAVA, "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-XX:-UsePerfData", "-cp", String.join(File.pathSeparator, CLASS_PATH), TestAgents.class.getName()));
    cmd.addAll(List.of(modeAndArgs));
    Files.writeString(dir.resolve(SubmissionManifest.FILE_NAME),
        JsonMapper.builder().build().writeValueAsString(java.util.Map.of("kind", "command", "command", cmd)));
    return Submission.fromDirectory(dir);
  }

  private static RolloutResult rollout(RunningAgent agent, Duration callTimeout) {
    return new RolloutEngine(GoalEnvironmentAccess.registry())
        .run(SPEC, agent.client(), RolloutOptions.DEFAULT.withCallTimeout(callTimeout), RolloutListener.NONE);
  }

  @AfterEach
  void nothingIsLeftBehind() throws InterruptedException {
    Leftovers.assertNoneLeft(tmp.resolve("run"));
  }

  @Test
  void runsAnAgentInTheSandboxThroughTheRelayedUnixSocket() throws IOException {
    assumeTrue(sandboxAvailable(), "bubblewrap and socat are installed");
    try (RunningAgent agent = new LocalSandboxRuntime(sandboxed()).start(submission("serve"), LIMITS)) {
      assertThat(agent.isolation()).isEqualTo(Isolation.SANDBOX);
      assertThat(agent.endpoint()).isInstanceOf(AgentEndpoint.UnixSocket.class);
      assertThat(agent.agentName()).isEqualTo("kinitro-example-policy/1");

      RolloutResult r = rollout(agent, Duration.ofSeconds(5));

      assertThat(r.completed()).isTrue();
      assertThat(r.metrics().totalEpisodes()).isEqualTo(2);
    }
  }

  @Test
  void withoutBubblewrapItFallsBackToAPlainProcessAndSaysSo() throws IOException {
    try (RunningAgent agent = new LocalSandboxRuntime(sandboxed().withoutSandbox()).start(submission("serve"), LIMITS)) {
      assertThat(agent.isolation()).isEqualTo(Isolation.PROCESS);
      assertThat(agent.endpoint()).isInstanceOf(AgentEndpoint.Tcp.class);
      assertThat(rollout(agent, Duration.ofSeconds(5)).completed()).isTrue();
    }
  }

  @Test
  void requiringTheSandboxWithoutBubblewrapIsAnError() {
    LocalSandboxRuntime.Config c = sandboxed().withoutSandbox().requiringSandbox();

    assertThatThrownBy(() -> new LocalSandboxRuntime(c).start(submission("serve"), LIMITS))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SANDBOX_FAILED));
  }

  @Test
  void anAgentThatTriesTheNetworkCannotConnectAndIsNamedForIt() throws IOException {
    assumeTrue(sandboxAvailable(), "bubblewrap and socat are installed");
    AtomicInteger accepted = new AtomicInteger();
    try (ServerSocket host = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      host.setSoTimeout(100);
      Thread acceptor = Thread.ofVirtual().start(() -> {
        while (!host.isClosed()) {
          try {
            host.accept().close();
            accepted.incrementAndGet();
          } catch (SocketTimeoutException again) {
            // keep waiting
          } catch (IOException closed) {
            return;
          }
        }
      });
      LocalSandboxRuntime runtime = new LocalSandboxRuntime(sandboxed());
      Submission sub = submission("network", Integer.toString(host.getLocalPort()));

      assertThatThrownBy(() -> runtime.start(sub, LIMITS))
          .isInstanceOfSatisfying(KinitroException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.AGENT_NETWORK_ATTEMPT);
            assertThat(e.getMessage()).contains("Connection refused").contains("Network is unreachable");
          });
      host.close();
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertThat(accepted).hasValue(0);
  }

  @Test
  void aCrashingAgentEndsTheRunAsACrash() throws IOException {
    for (LocalSandboxRuntime.Config c : configs()) {
      try (RunningAgent agent = new LocalSandboxRuntime(c).start(submission("crash-on-act"), LIMITS)) {
        RolloutResult r = rollout(agent, Duration.ofSeconds(5));

        assertThat(r.failure()).as(agent.isolation().name()).hasValueSatisfying(f -> {
          assertThat(f.code()).isEqualTo(ErrorCode.AGENT_CRASHED);
          assertThat(f.message()).contains("exited with status 139");
        });
        assertThat(agent.logTail(5)).contains("segfault imitation");
      }
    }
  }

  @Test
  void aHangingAgentTimesOutAndIsStopped() throws IOException {
    for (LocalSandboxRuntime.Config c : configs()) {
      try (RunningAgent agent = new LocalSandboxRuntime(c).start(submission("hang-on-act"), LIMITS)) {
        RolloutResult r = rollout(agent, Duration.ofMillis(500));

        assertThat(r.failure()).as(agent.isolation().name())
            .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo(ErrorCode.AGENT_TIMEOUT));
        assertThat(agent.isAlive()).isTrue();
      }
    }
  }

  @Test
  void aMalformedActionTensorIsTheAgentsFault() throws IOException {
    for (LocalSandboxRuntime.Config c : configs()) {
      try (RunningAgent agent = new LocalSandboxRuntime(c).start(submission("malformed"), LIMITS)) {
        assertThat(rollout(agent, Duration.ofSeconds(5)).failure())
            .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo(ErrorCode.AGENT_MALFORMED_TENSOR));
      }
    }
  }

  @Test
  void aSlowStartingAgentIsWaitedForWithRetries() throws IOException {
    for (LocalSandboxRuntime.Config c : configs()) {
      try (RunningAgent agent = new LocalSandboxRuntime(c).start(submission("slow-start", "1500"), LIMITS)) {
        assertThat(agent.ping(Duration.ofSeconds(2))).isEqualTo("kinitro-example-policy/1");
      }
    }
  }

  @Test
  void anAgentThatRefusesToStartFailsWithItsOutput() throws IOException {
    for (LocalSandboxRuntime.Config c : configs()) {
      Submission sub = submission("refuse");
      assertThatThrownBy(() -> new LocalSandboxRuntime(c).start(sub, LIMITS))
          .isInstanceOfSatisfying(KinitroException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.AGENT_FAILED_TO_START);
            assertThat(e.getMessage()).contains("refusing to start: missing weights file");
          });
    }
  }

  @Test
  void anAgentPastItsWallTimeIsStoppedAndNamedForIt() throws IOException, InterruptedException {
    RunningAgent agent = new LocalSandboxRuntime(sandboxed()).start(submission("serve"),
        LIMITS.withWallTime(Duration.ofSeconds(15))); // the wall time counts from spawn: leave room for a slow start
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (agent.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThatThrownBy(() -> agent.ping(Duration.ofSeconds(1)))
          .isInstanceOfSatisfying(KinitroException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.AGENT_WALL_TIME_EXCEEDED));
    } finally {
      agent.close();
    }
  }

  @Test
  void childrenOfTheAgentAreStoppedWithIt() throws IOException {
    for (LocalSandboxRuntime.Config c : configs()) {
      try (RunningAgent agent = new LocalSandboxRuntime(c).start(submission("spawn-child"), LIMITS)) {
        assertThat(ProcessHandle.current().descendants()
            .anyMatch(p -> p.info().commandLine().orElse("").contains("sleep 600"))).isTrue();
      }
      // @AfterEach checks that nothing is left.
    }
  }

  @Test
  void anOnnxSubmissionWhoseRunnerJavaIsMissingIsAPlatformFaultAndStartsNothing() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("onnx"));
    Files.write(dir.resolve("policy.onnx"), new byte[] {0});
    Files.writeString(dir.resolve(SubmissionManifest.FILE_NAME), "{\"kind\":\"onnx\",\"model\":\"policy.onnx\"}");
    Submission sub = Submission.fromDirectory(dir);
    OnnxRunner missing = new OnnxRunner(tmp.resolve("no-jdk/bin/java"), List.of(), List.of("-cp", "x.jar", "Main"),
        List.of());

    assertThatThrownBy(() -> new LocalSandboxRuntime(sandboxed().withOnnxRunner(missing)).start(sub, LIMITS))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.ONNX_RUNNER_UNAVAILABLE);
          assertThat(e.code().category()).isEqualTo(ai.kinitro.common.error.ErrorCategory.INTERNAL);
        });
  }

  /** The sandbox when available, and always the fallback. */
  private List<LocalSandboxRuntime.Config> configs() {
    List<LocalSandboxRuntime.Config> all = new ArrayList<>();
    if (sandboxAvailable()) {
      all.add(sandboxed());
    }
    all.add(sandboxed().withoutSandbox());
    return all;
  }
}
