package ai.kinitro.rollout.onnx;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * How a runtime starts the ONNX runner ({@link ai.kinitro.rollout.onnx.cli.OnnxAgentMain}) for an {@code onnx} submission: a
 * Java binary, JVM options, the launch arguments (class path and main class) and the host paths
 * the runner needs to see read-only inside a sandbox (the JDK and the jars when they are outside
 * {@code /usr}).
 *
 * <p>{@link #current()} reuses the JVM and class path of the running process, which is how the
 * evaluator and the miner tool run it: the runner is always the one that ships with them.
 *
 * @param java the Java binary
 * @param jvmOptions options before the launch arguments (heap, GC)
 * @param launch class path and main class, e.g. {@code -cp a.jar:b.jar ai.kinitro.rollout.onnx.OnnxAgentMain}
 * @param readOnlyPaths host paths to show read-only inside the sandbox
 */
public record OnnxRunner(Path java, List<String> jvmOptions, List<String> launch, List<Path> readOnlyPaths) {
  /** The runner's main class. */
  public static final String MAIN_CLASS = "ai.kinitro.rollout.onnx.cli.OnnxAgentMain";
  /** Spring Boot's launcher that can start any main class of an executable jar. */
  public static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
  /**
   * Default JVM options: a heap bounded well under the agent's memory limit (the model itself
   * lives in native memory), the serial collector, and no shared perf-data file.
   */
  public static final List<String> DEFAULT_JVM_OPTIONS =
      List.of("-Xmx1g", "-XX:+UseSerialGC", "-XX:-UsePerfData", "--enable-native-access=ALL-UNNAMED");

  public OnnxRunner {
    Objects.requireNonNull(java, "java");
    jvmOptions = List.copyOf(jvmOptions);
    launch = List.copyOf(launch);
    readOnlyPaths = List.copyOf(readOnlyPaths);
    if (launch.isEmpty()) {
      throw new IllegalArgumentException("the runner's launch arguments are empty");
    }
  }

  /** The runner of this process: its JVM, its class path (a Spring Boot jar is started through its launcher). */
  public static OnnxRunner current() {
    return forClassPath(Path.of(System.getProperty("java.home")),
        Objects.requireNonNullElse(System.getProperty("java.class.path"), ""));
  }

  /**
   * The runner on the JDK at {@code javaHome} with {@code classPath}; a class path that is one
   * Spring Boot executable jar (the evaluator's) is started through the jar's own launcher.
   */
  public static OnnxRunner forClassPath(Path javaHome, String classPath) {
    Path java = javaHome.resolve("bin").resolve("java");
    List<Path> entries = new ArrayList<>();
    for (String e : classPath.split(File.pathSeparator)) {
      if (!e.isBlank()) {
        entries.add(Path.of(e).toAbsolutePath().normalize());
      }
    }
    Set<Path> visible = new LinkedHashSet<>();
    if (!javaHome.toAbsolutePath().normalize().startsWith("/usr/")) {
      visible.add(javaHome.toAbsolutePath().normalize());
    }
    entries.stream().filter(p -> !p.startsWith("/usr/")).forEach(visible::add);
    List<String> launch;
    if (entries.size() == 1 && isBootJar(entries.getFirst())) {
      launch = List.of("-Dloader.main=" + MAIN_CLASS, "-cp", entries.getFirst().toString(), BOOT_LAUNCHER);
    } else {
      launch = List.of("-cp", String.join(File.pathSeparator, entries.stream().map(Path::toString).toList()), MAIN_CLASS);
    }
    return new OnnxRunner(java, DEFAULT_JVM_OPTIONS, launch, List.copyOf(visible));
  }

  /** Checks the runner can be started here: its Java binary exists ({@code ONNX_RUNNER_UNAVAILABLE} otherwise). */
  public OnnxRunner checked() {
    if (!Files.isExecutable(java)) {
      throw new KinitroException(ErrorCode.ONNX_RUNNER_UNAVAILABLE, "The ONNX runner's Java binary " + java
          + " is missing or not executable");
    }
    return this;
  }

  /**
   * The full command without {@code --host/--port}: Java, options, {@code java.io.tmpdir} (where
   * onnxruntime extracts its native libraries: it must be writable), launch arguments and the
   * runner's own options.
   */
  public List<String> command(String tmpDir, String model, String input, String output) {
    List<String> argv = new ArrayList<>();
    argv.add(java.toString());
    argv.addAll(jvmOptions);
    argv.add("-Djava.io.tmpdir=" + tmpDir);
    argv.addAll(launch);
    argv.addAll(List.of("--model", model, "--input", input, "--output", output));
    return argv;
  }

  private static boolean isBootJar(Path path) {
    if (!path.toString().endsWith(".jar") || !Files.isRegularFile(path)) {
      return false;
    }
    try (JarFile jar = new JarFile(path.toFile())) {
      var manifest = jar.getManifest();
      String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
      return main != null && main.startsWith("org.springframework.boot.loader.");
    } catch (IOException e) {
      return false;
    }
  }
}
