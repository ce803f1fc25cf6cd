package ai.kinitro.testsupport.agent;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a project made by {@code kinitro-miner init --template java} the way {@code mvn package}
 * would, without Maven: compiles {@code src/main/java/example/MyAgent.java} into {@code
 * lib/agent.jar}, jars kinitro-common's classes and copies the runtime jars the agent SDK needs into
 * {@code lib/}, all taken from the test class path (which must hold kinitro-common). Create the
 * project with {@code --java} {@link #JAVA}: the manifest then starts the JDK running the tests (a
 * JDK 25 under /usr on this machine, so the sandbox sees it). Shared by the miner's and the desktop
 * app's tests; it depends on no Kinitro module, so it lives here.
 */
public final class TestAgentProject {
  private static final String AGENT_LIBRARY = "ai.kinitro.common.agent.AgentLibrary";
  /** The {@code java} executable of the JVM running the tests. */
  public static final String JAVA = ProcessHandle.current().info().command().orElseThrow();

  private TestAgentProject() {}

  /** Builds the project in {@code folder} (made by the Java template) into its {@code lib/}. */
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
    // test-support cannot depend on kinitro-common (common's own tests use test-support), but every
    // test that builds an agent has it on its class path: the one list of the SDK's jars lives in
    // common's AgentLibrary, called here by name.
    try {
      Class<?> library = Class.forName(AGENT_LIBRARY);
      library.getMethod("jar", Path.class, Path.class).invoke(null, classes, lib.resolve("agent.jar"));
      library.getMethod("copyInto", Path.class, String.class).invoke(null, lib, String.join(File.pathSeparator, classPath));
    } catch (InvocationTargetException e) {
      throw new IOException("could not assemble " + lib + ": " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(AGENT_LIBRARY + " is not on the test class path (add kinitro-common)", e);
    }
  }
}
