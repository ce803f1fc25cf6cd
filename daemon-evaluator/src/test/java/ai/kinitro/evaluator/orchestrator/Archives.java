package ai.kinitro.evaluator.orchestrator;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import tools.jackson.databind.json.JsonMapper;

/** Submission archives whose agent is a class on this test JVM's class path. */
final class Archives {
  static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  private Archives() {}

  /** This JVM's class path as files (a surefire manifest-only jar is expanded). */
  static List<Path> classPath() {
    Set<Path> entries = new LinkedHashSet<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(e).toAbsolutePath();
      entries.add(p);
      if (p.getFileName().toString().startsWith("surefirebooter") && p.toString().endsWith(".jar")) {
        try (JarFile jar = new JarFile(p.toFile())) {
          String cp = jar.getManifest().getMainAttributes().getValue("Class-Path");
          for (String u : cp == null ? new String[0] : cp.trim().split("\\s+")) {
            entries.add(Path.of(java.net.URI.create(u)));
          }
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      }
    }
    return List.copyOf(entries);
  }

  /** The command running {@code mainClass} with {@code args} on this class path. */
  static List<String> javaCommand(String mainClass, String... args) {
    List<String> cmd = new ArrayList<>(List.of(JAVA, "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-XX:-UsePerfData", "-cp", String.join(File.pathSeparator, classPath().stream().map(Path::toString).toList()),
        mainClass));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** A {@code .tar.gz} holding {@code kinitro-agent.json} for a command agent, plus a README. */
  static byte[] commandAgent(List<String> command) {
    String manifest = JsonMapper.builder().build().writeValueAsString(Map.of("kind", "command", "command", command));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      add(tar, "kinitro-agent.json", manifest.getBytes(StandardCharsets.UTF_8));
      add(tar, "README.md", "A test agent\n".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void add(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(data.length);
    entry.setMode(0644);
    tar.putArchiveEntry(entry);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  static void write(Path file, byte[] data) {
    try {
      Files.write(file, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
