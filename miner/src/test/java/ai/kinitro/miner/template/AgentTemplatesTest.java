package ai.kinitro.miner.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.rollout.onnx.OnnxModelWriter;
import ai.kinitro.rollout.submission.Submission;
import ai.kinitro.rollout.submission.SubmissionManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentTemplatesTest {
  @TempDir Path tmp;

  @Test
  void theJavaTemplateHasTheSdkExampleAPomAndAManifestThatRunsLib() throws IOException {
    InitResult r = AgentTemplates.create(tmp.resolve("a"), AgentTemplate.JAVA, AgentTemplates.Options.DEFAULT);

    assertThat(r.files()).containsExactly(".kinitroignore", "README.md", "kinitro-agent.json", "miner.toml", "pom.xml",
        "src/main/java/example/MyAgent.java");
    assertThat(Submission.fromDirectory(r.folder()).manifest()).isEqualTo(new SubmissionManifest.Command(List.of(
        "/usr/bin/java", "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-cp", "lib/*", "example.MyAgent")));
    assertThat(Files.readString(r.folder().resolve("src/main/java/example/MyAgent.java")))
        .isEqualTo(Files.readString(Path.of("../docs/examples/java-agent/src/main/java/example/MyAgent.java")));
    assertThat(Files.readString(r.folder().resolve(".kinitroignore"))).isEqualTo("target/\n");
  }

  @Test
  void thePythonTemplateShipsTheDocumentedAgentAndTheProtocolFile() throws IOException {
    InitResult r = AgentTemplates.create(tmp.resolve("p"), AgentTemplate.PYTHON, AgentTemplates.Options.DEFAULT);

    assertThat(r.files()).containsExactly("README.md", "agent.proto", "agent.py", "kinitro-agent.json", "miner.toml",
        "requirements.txt");
    assertThat(Files.readString(r.folder().resolve("agent.py")))
        .isEqualTo(Files.readString(Path.of("../docs/examples/python-agent/agent.py")));
    assertThat(Files.readString(r.folder().resolve("agent.proto")))
        .isEqualTo(Files.readString(Path.of("../common/src/main/proto/kinitro/agent/v1/agent.proto")));
    assertThat(r.manifest()).isEqualTo("{\"kind\":\"command\",\"command\":[\"/usr/bin/python3\",\"agent.py\"]}");
  }

  @Test
  void theOnnxTemplateWritesTheManifestAndAGeneratedCartPoleModel() throws IOException {
    InitResult r = AgentTemplates.create(tmp.resolve("o"), AgentTemplate.ONNX, AgentTemplates.Options.DEFAULT);

    assertThat(r.template().runnable()).isTrue();
    assertThat(r.files()).containsExactly("README.md", "kinitro-agent.json", "miner.toml", "policy.onnx");
    assertThat(r.manifest()).isEqualTo("{\"kind\":\"onnx\",\"model\":\"policy.onnx\",\"input\":\"state\",\"output\":\"action\"}");
    assertThat(Files.readAllBytes(r.folder().resolve("policy.onnx"))).isEqualTo(OnnxModelWriter.cartPolePolicy());
    assertThat(r.notes().getFirst()).startsWith("policy.onnx is a working CartPole controller");
    assertThat(Files.readString(r.folder().resolve("README.md"))).contains("Kinitro's own runner");
  }

  @Test
  void initNeverWritesIntoAFolderThatHoldsFiles() throws IOException {
    Path existing = Files.createDirectories(tmp.resolve("x"));
    Files.writeString(existing.resolve("agent.py"), "mine");

    assertThatThrownBy(() -> AgentTemplates.create(existing, AgentTemplate.PYTHON, AgentTemplates.Options.DEFAULT))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MINER_PROJECT_EXISTS));
    assertThat(Files.readString(existing.resolve("agent.py"))).isEqualTo("mine");
  }

  @Test
  void theJavaBinaryMustBeAnAbsolutePath() {
    assertThatThrownBy(() -> new AgentTemplates.Options("java", null))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void anUnknownTemplateListsTheKnownOnes() {
    assertThatThrownBy(() -> AgentTemplate.of("rust"))
        .hasMessage("unknown template 'rust'; choose one of [java, python, onnx]");
  }
}
