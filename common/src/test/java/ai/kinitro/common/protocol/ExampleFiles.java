package ai.kinitro.common.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The example JSON files of docs/protocol.md, kept in {@code
 * src/test/resources/protocol-examples}. Run the tests with {@code -Dprotocol.examples.update=true}
 * to rewrite the files from the samples and the doc's example blocks from the files; review the
 * diff before committing.
 */
public final class ExampleFiles {
  private static final String ROOT = "protocol-examples";

  private ExampleFiles() {}

  public static boolean updating() {
    return Boolean.getBoolean("protocol.examples.update");
  }

  /** The example {@code name} (e.g. {@code validator/eval_job}) from the test class path. */
  public static String read(String name) {
    try (InputStream in = ExampleFiles.class.getResourceAsStream("/" + ROOT + "/" + name + ".json")) {
      if (in == null) {
        throw new AssertionError("missing example file " + ROOT + "/" + name + ".json");
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes an example into the source tree (update mode only). */
  public static void write(String name, String json) {
    try {
      Path file = sourceDir().resolve(name + ".json");
      Files.createDirectories(file.getParent());
      Files.writeString(file, json, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names of every example in the source tree, e.g. {@code realtime/events/job_created}. */
  public static List<String> allNames() {
    Path dir = sourceDir();
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".json"))
          .map(p -> dir.relativize(p).toString().replace('\\', '/').replaceAll("\\.json$", ""))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String readSource(String name) {
    try {
      return Files.readString(sourceDir().resolve(name + ".json"), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path sourceDir() {
    return Path.of("src", "test", "resources", ROOT).toAbsolutePath();
  }

  /** docs/protocol.md at the repository root (tests run in the module directory). */
  static Path protocolDoc() {
    return Path.of("..", "docs", "protocol.md").toAbsolutePath().normalize();
  }
}
