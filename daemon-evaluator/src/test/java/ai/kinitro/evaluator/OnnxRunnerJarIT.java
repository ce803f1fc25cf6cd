package ai.kinitro.evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.agent.ActionSpace;
import ai.kinitro.common.agent.TaskInfo;
import ai.kinitro.env.Tensor;
import ai.kinitro.rollout.AgentStep;
import ai.kinitro.rollout.onnx.OnnxModelWriter;
import ai.kinitro.rollout.onnx.OnnxRunner;
import ai.kinitro.rollout.runtime.AgentLimits;
import ai.kinitro.rollout.runtime.LocalSandboxRuntime;
import ai.kinitro.rollout.runtime.RunningAgent;
import ai.kinitro.rollout.submission.Submission;
import ai.kinitro.rollout.submission.SubmissionManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX runner as the evaluator starts it in production: out of the executable jar (Spring
 * Boot's launcher, onnxruntime's native library extracted from the nested jar), in the local
 * sandbox when bubblewrap is installed.
 */
class OnnxRunnerJarIT {
  @TempDir
  Path tmp;

  @Test
  void theRunnerStartsFromTheExecutableJarAndServesTheModel() throws IOException {
    Path jar = Path.of("target", "kinitro-evaluator.jar").toAbsolutePath();
    OnnxRunner runner = OnnxRunner.forClassPath(Path.of(System.getProperty("java.home")), jar.toString());
    assertThat(runner.launch()).containsExactly("-Dloader.main=" + OnnxRunner.MAIN_CLASS, "-cp", jar.toString(),
        OnnxRunner.BOOT_LAUNCHER);
    Path sub = Files.createDirectories(tmp.resolve("sub"));
    Files.writeString(sub.resolve(SubmissionManifest.FILE_NAME), "{\"kind\":\"onnx\",\"model\":\"policy.onnx\"}");
    Files.write(sub.resolve("policy.onnx"), OnnxModelWriter.cartPolePolicy());
    LocalSandboxRuntime runtime = new LocalSandboxRuntime(LocalSandboxRuntime.Config.detect(tmp.resolve("run"))
        .withOnnxRunner(runner));

    try (RunningAgent agent = runtime.start(Submission.fromDirectory(sub),
        AgentLimits.DEFAULT.withStartupTimeout(Duration.ofSeconds(60)))) {
      assertThat(agent.agentName()).isEqualTo("kinitro-onnx-runner/1 (policy.onnx)");
      agent.client().reset(new TaskInfo("cartpole#0", "classic/CartPole-v1", "", 0, new ActionSpace.Discrete(2, 0), 500),
          Duration.ofSeconds(10));
      List<Tensor> actions = agent.client().actBatch(List.of(
          new AgentStep(0, 0, Map.of("state", Tensor.float32(0, 0, 0.05f, 0.1f)))), Duration.ofSeconds(10));
      assertThat(actions).containsExactly(Tensor.scalar(1));
    }
  }
}
