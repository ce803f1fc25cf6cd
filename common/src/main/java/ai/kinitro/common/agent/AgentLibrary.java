package ai.kinitro.common.agent;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jars a Java agent needs at run time (kinitro-common with the agent SDK, gRPC, protobuf, Guava
 * and their annotations, SLF4J), copied from a class path into an agent's {@code lib/} folder. This
 * is what {@code mvn package} of the Java template puts there; tools that assemble an agent without
 * Maven (the platform's demo, tests) use it instead.
 */
public final class AgentLibrary {
  private static final Pattern SDK_JARS = Pattern.compile(
      "(grpc-.*|protobuf-java-.*|proto-google-common-protos-.*|guava-.*|failureaccess-.*|perfmark-api-.*|"
          + "error_prone_annotations-.*|j2objc-annotations-.*|jsr305-.*|checker-qual-.*|animal-sniffer-annotations-.*|"
          + "jspecify-.*|gson-.*|slf4j-api-.*|slf4j-simple-.*)\\.jar");
  /** Name of kinitro-common inside {@code lib/}. */
  public static final String COMMON_JAR = "kinitro-common.jar";

  private AgentLibrary() {}

  /**
   * Copies kinitro-common (a jar, or its {@code common/target/classes} folder jarred on the fly) and
   * the SDK's runtime jars found on {@code classPath} into {@code lib}, and returns the file names.
   *
   * @throws KinitroException {@code MINER_OUTPUT_FAILED} when the class path lacks kinitro-common or
   *     gRPC, or a file cannot be written
   */
  public static List<String> copyInto(Path lib, String classPath) {
    List<String> written = new ArrayList<>();
    boolean common = false;
    try {
      Files.createDirectories(lib);
      for (String entry : classPath.split(File.pathSeparator)) {
        if (entry.isBlank()) {
          continue;
        }
        Path p = Path.of(entry);
        String name = p.getFileName().toString();
        if (Files.isDirectory(p) && p.endsWith(Path.of("common", "target", "classes"))) {
          jar(p, lib.resolve(COMMON_JAR));
          written.add(COMMON_JAR);
          common = true;
        } else if (Files.isRegularFile(p) && name.startsWith("kinitro-common-") && name.endsWith(".jar")) {
          Files.copy(p, lib.resolve(COMMON_JAR), StandardCopyOption.REPLACE_EXISTING);
          written.add(COMMON_JAR);
          common = true;
        } else if (Files.isRegularFile(p) && SDK_JARS.matcher(name).matches()) {
          Files.copy(p, lib.resolve(name), StandardCopyOption.REPLACE_EXISTING);
          written.add(name);
        }
      }
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.MINER_OUTPUT_FAILED, "could not write the agent's libraries to " + lib + ": "
          + e.getMessage(), e);
    }
    if (!common || written.stream().noneMatch(n -> n.startsWith("grpc-"))) {
      throw new KinitroException(ErrorCode.MINER_OUTPUT_FAILED, "the class path has no kinitro-common or no gRPC jars, so "
          + "no agent can be assembled from it; build the project first (./mvnw -pl miner -am package -DskipTests)");
    }
    return List.copyOf(written);
  }

  /** Writes the files under {@code dir} into {@code jar}, in a stable order. */
  public static void jar(Path dir, Path jar) throws IOException {
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
