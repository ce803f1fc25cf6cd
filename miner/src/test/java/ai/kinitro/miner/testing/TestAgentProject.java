package ai.kinitro.miner.testing;

import ai.kinitro.miner.template.AgentLibrary;
import ai.kinitro.miner.template.AgentTemplate;
import ai.kinitro.miner.template.AgentTemplates;
import ai.kinitro.miner.template.InitResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a Java-template project the way {@code mvn package} would, without Maven: compiles {@code
 * MyAgent.java} into {@code lib/agent.jar}, jars kinitro-common's classes and copies the runtime
 * jars the agent SDK needs into {@code lib/}. The manifest starts the JDK running the tests (a JDK
 * 25 under /usr on this machine, so the sandbox sees it).
 */
public final class TestAgentProject {
  public static final String JAVA = ProcessHandle.current().info().command().orElseThrow();

  private TestAgentProject() {}

  /** {@code init --template java --java <test JDK>}, then the build. */
  public static InitResult createAndBuild(Path folder) throws IOException {
    InitResult init = AgentTemplates.create(folder, AgentTemplate.JAVA, new AgentTemplates.Options(JAVA, null));
    build(folder);
    return init;
  }

  public static void build(Path folder) throws IOException {
    Path lib = Files.createDirectories(folder.resolve("lib"));
    Path classes = Files.createDirectories(folder.resolve("target/classes"));
    List<String> classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", String.join(File.pathSeparator, classPath),
        folder.resolve("src/main/java/example/MyAgent.java").toString());
    if (rc != 0) {
      throw new IOException("MyAgent.java did not compile");
    }
    AgentLibrary.jar(classes, lib.resolve("agent.jar"));
    AgentLibrary.copyInto(lib, String.join(File.pathSeparator, classPath));
  }
}
