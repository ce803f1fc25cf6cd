package ai.kinitro.testsupport.agent;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
  /** The agent SDK's runtime jars (gRPC, protobuf, Guava and their annotations, SLF4J). */
  private static final Pattern SDK_JARS = Pattern.compile(
      "(grpc-.*|protobuf-java-.*|proto-google-common-protos-.*|guava-.*|failureaccess-.*|perfmark-api-.*|"
          + "error_prone_annotations-.*|j2objc-annotations-.*|jsr305-.*|checker-qual-.*|animal-sniffer-annotations-.*|"
          + "jspecify-.*|gson-.*|slf4j-api-.*|slf4j-simple-.*)\\.jar");
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
    jar(classes, lib.resolve("agent.jar"));
    for (String entry : classPath) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p) && p.endsWith(Path.of("common", "target", "classes"))) {
        jar(p, lib.resolve("kinitro-common.jar"));
      } else if (Files.isRegularFile(p) && SDK_JARS.matcher(p.getFileName().toString()).matches()) {
        Files.copy(p, lib.resolve(p.getFileName()));
      } else if (Files.isRegularFile(p) && p.getFileName().toString().startsWith("kinitro-common-")) {
        Files.copy(p, lib.resolve("kinitro-common.jar"));
      }
    }
  }

  private static void jar(Path dir, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
        Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
        if (Files.isRegularFile(p)) {
          out.putNextEntry(new JarEntry(dir.relativize(p).toString().replace('\\', '/')));
          Files.copy(p, out);
          out.closeEntry();
        }
      }
    }
  }
}
