package ai.kinitro.rollout.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.rollout.onnx.cli.OnnxAgentMain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxRunnerTest {
  @Test
  void theMainClassNamedForLaunchersIsTheRunnersEntryPoint() {
    assertThat(OnnxRunner.MAIN_CLASS).isEqualTo(OnnxAgentMain.class.getName());
  }

  @Test
  void theRunnerOfThisProcessUsesItsJavaAndClassPathAndShowsThemToTheSandbox() {
    OnnxRunner runner = OnnxRunner.current();
    Path javaHome = Path.of(System.getProperty("java.home"));
    String classPath = System.getProperty("java.class.path");

    assertThat(runner.java()).isEqualTo(javaHome.resolve("bin/java"));
    assertThat(runner.command("/tmp", "/submission/m.onnx", "obs", "act")).containsExactlyElementsOf(
        java.util.stream.Stream.of(List.of(javaHome.resolve("bin/java").toString()), OnnxRunner.DEFAULT_JVM_OPTIONS,
            List.of("-Djava.io.tmpdir=/tmp"), runner.launch(),
            List.of("--model", "/submission/m.onnx", "--input", "obs", "--output", "act")).flatMap(List::stream).toList());
    assertThat(runner.launch().getLast()).isEqualTo(OnnxRunner.MAIN_CLASS);
    assertThat(runner.launch().get(1).split(java.io.File.pathSeparator)).hasSameSizeAs(classPath.split(java.io.File.pathSeparator));
    assertThat(runner.readOnlyPaths()).allSatisfy(p -> assertThat(p.startsWith("/usr/")).isFalse());
  }
}
