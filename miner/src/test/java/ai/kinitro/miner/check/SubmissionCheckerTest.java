package ai.kinitro.miner.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.miner.template.AgentTemplate;
import ai.kinitro.miner.template.AgentTemplates;
import ai.kinitro.rollout.runtime.Isolation;
import ai.kinitro.rollout.runtime.LocalSandboxRuntime;
import ai.kinitro.testsupport.agent.TestAgentProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check over a real agent process: the Java template built and started in the local sandbox. */
@Tag("slow")
class SubmissionCheckerTest {
  @TempDir Path tmp;

  private SubmissionChecker checker(LocalAgentOptions options) {
    return new SubmissionChecker(new LocalAgentLauncher(options.withWorkDir(tmp.resolve("work"))
        .withAgentLimits(options.agentLimits().withStartupTimeout(Duration.ofSeconds(40)))));
  }

  @Test
  void aBuiltJavaTemplateStartsInTheSandboxAndAnswersPing() throws IOException {
    Path agent = tmp.resolve("agent");
    AgentTemplates.create(agent, AgentTemplate.JAVA, new AgentTemplates.Options(TestAgentProject.JAVA, null));
    TestAgentProject.build(agent);
    List<String> steps = new ArrayList<>();

    CheckReport report = checker(LocalAgentOptions.DEFAULT).check(agent, steps::add);

    boolean sandbox = LocalSandboxRuntime.Config.detect(tmp).sandboxAvailable();
    assertThat(report.isolation()).isEqualTo(sandbox ? Isolation.SANDBOX : Isolation.PROCESS);
    assertThat(report.agentName()).isEqualTo("my-agent/1");
    assertThat(report.sha256()).matches("[0-9a-f]{64}");
    assertThat(report.steps()).isEqualTo(steps).hasSize(5);
    assertThat(steps.getFirst()).startsWith("manifest kinitro-agent.json: command " + TestAgentProject.JAVA);
    assertThat(tmp.resolve("work")).isEmptyDirectory();
  }

  @Test
  void anArchiveOverTheCompetitionsLimitFailsBeforeTheAgentStarts() throws IOException {
    Path agent = tmp.resolve("agent");
    AgentTemplates.create(agent, AgentTemplate.JAVA, new AgentTemplates.Options(TestAgentProject.JAVA, null));
    TestAgentProject.build(agent);

    assertThatThrownBy(() -> checker(LocalAgentOptions.DEFAULT.withMaxArchiveBytes(50_000)).check(agent, s -> {}))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("larger than the limit of 50000 bytes");
        });
  }

  @Test
  void anAgentThatExitsAtOnceFailsToStartWithItsLog() throws IOException {
    Path agent = Files.createDirectories(tmp.resolve("agent"));
    Files.writeString(agent.resolve("kinitro-agent.json"),
        "{\"kind\":\"command\",\"command\":[\"/bin/sh\",\"-c\",\"echo model file missing >&2; exit 3\"]}");

    assertThatThrownBy(() -> checker(LocalAgentOptions.DEFAULT).check(agent, s -> {}))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.AGENT_FAILED_TO_START);
          assertThat(e.getMessage()).contains("model file missing");
        });
  }

  @Test
  void aFolderWithoutManifestIsRefusedWithItsOwnCode() throws IOException {
    Path agent = Files.createDirectories(tmp.resolve("agent"));
    Files.writeString(agent.resolve("agent.py"), "print(1)\n");

    assertThatThrownBy(() -> checker(LocalAgentOptions.DEFAULT).check(agent, s -> {}))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SUBMISSION_MANIFEST_MISSING));
  }

  @Test
  void theOnnxTemplateStartsInKinitrosRunnerAndAnswersPing() throws IOException {
    Path agent = tmp.resolve("agent");
    AgentTemplates.create(agent, AgentTemplate.ONNX, AgentTemplates.Options.DEFAULT);
    List<String> steps = new ArrayList<>();

    CheckReport report = checker(LocalAgentOptions.DEFAULT).check(agent, steps::add);

    boolean sandbox = LocalSandboxRuntime.Config.detect(tmp).sandboxAvailable();
    assertThat(report.isolation()).isEqualTo(sandbox ? Isolation.SANDBOX : Isolation.PROCESS);
    assertThat(report.agentName()).isEqualTo("kinitro-onnx-runner/1 (policy.onnx)");
    assertThat(steps).hasSize(5);
    assertThat(steps.getFirst()).isEqualTo("manifest kinitro-agent.json: onnx model policy.onnx (input 'state', output "
        + "'action')");
    assertThat(tmp.resolve("work")).isEmptyDirectory();
  }

  @Test
  void anOnnxProjectWhoseModelIsBrokenFailsToStartWithTheRunnersCode() throws IOException {
    Path agent = tmp.resolve("agent");
    AgentTemplates.create(agent, AgentTemplate.ONNX, AgentTemplates.Options.DEFAULT);
    Files.write(agent.resolve("policy.onnx"), new byte[] {8, 1, 18, 0});
    List<String> steps = new ArrayList<>();

    assertThatThrownBy(() -> checker(LocalAgentOptions.DEFAULT).check(agent, steps::add))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.AGENT_FAILED_TO_START);
          assertThat(e.getMessage()).contains("error[1460 ONNX_MODEL_INVALID]");
        });
    assertThat(steps).hasSize(3);
    assertThat(tmp.resolve("work")).isEmptyDirectory();
  }
}
