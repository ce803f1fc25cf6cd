package ai.kinitro.miner.template;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.miner.config.MinerConfigFile;
import ai.kinitro.rollout.onnx.OnnxModelWriter;
import ai.kinitro.rollout.submission.SubmissionManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates agent projects. A project is a folder whose root becomes the archive root: it holds
 * {@code kinitro-agent.json}, the agent's files, a README with the next steps and a {@code
 * miner.toml} for the local platform. The folder must not exist or be empty.
 */
public final class AgentTemplates {
  /** The Java every evaluator provides (docs/agents.md); {@code --java} can name another one for local runs. */
  public static final String DEFAULT_JAVA = "/usr/bin/java";
  private static final String RESOURCES = "/ai/kinitro/miner/template/";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** The model the onnx template starts with. */
  public static final String ONNX_MODEL = "policy.onnx";

  private AgentTemplates() {}

  /** Options of {@code init}: the Java binary the manifest starts, and the competition for {@code miner.toml}. */
  public record Options(String javaBinary, String competitionId) {
    public static final Options DEFAULT = new Options(DEFAULT_JAVA, null);

    public Options {
      Objects.requireNonNull(javaBinary, "javaBinary");
      if (!javaBinary.startsWith("/")) {
        throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
            "the Java binary must be an absolute path (the sandbox has no PATH lookup), got '" + javaBinary + "'");
      }
    }
  }

  /** Writes a new project from {@code template} into {@code folder}. */
  public static InitResult create(Path folder, AgentTemplate template, Options options) {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(options, "options");
    Path root = folder.toAbsolutePath().normalize();
    requireEmpty(root);
    Map<String, byte[]> files = new TreeMap<>();
    template.files().forEach((resource, target) -> files.put(target, resource(template, resource)));
    if (template == AgentTemplate.ONNX) {
      files.put(ONNX_MODEL, OnnxModelWriter.cartPolePolicy());
    }
    String manifest = manifest(template, options) + "\n";
    files.put(SubmissionManifest.FILE_NAME, manifest.getBytes(UTF_8));
    files.put(MinerConfigFile.FILE_NAME, MinerConfigFile.template(options.competitionId(), ".")
        .getBytes(UTF_8));
    try {
      Files.createDirectories(root);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path target = root.resolve(f.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, f.getValue());
      }
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.MINER_OUTPUT_FAILED, "could not write the project in " + root + ": "
          + e.getMessage(), e);
    }
    return new InitResult(root, template, List.copyOf(files.keySet()), manifest.strip(), notes(template, options));
  }

  /** The manifest each template starts with ({@code kind} first). */
  static String manifest(AgentTemplate template, Options options) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (template) {
      case JAVA -> {
        m.put("kind", "command");
        m.put("command", List.of(options.javaBinary(), "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-cp", "lib/*",
            "example.MyAgent"));
      }
      case PYTHON -> {
        m.put("kind", "command");
        m.put("command", List.of("/usr/bin/python3", "agent.py"));
      }
      case ONNX -> {
        m.put("kind", "onnx");
        m.put("model", ONNX_MODEL);
        m.put("input", "state");
        m.put("output", "action");
      }
    }
    return JSON.writeValueAsString(m);
  }

  private static List<String> notes(AgentTemplate template, Options options) {
    List<String> notes = new ArrayList<>();
    switch (template) {
      case JAVA -> {
        notes.add("Build it with 'mvn -q package' (writes lib/); kinitro-common must be in your Maven repository "
            + "(from a Kinitro checkout: ./mvnw -q install -pl common -am -DskipTests).");
        notes.add("The manifest starts " + options.javaBinary() + ": it must be a JDK 25 under /usr, as on evaluators.");
        notes.add("Then: kinitro-miner check, kinitro-miner local-eval.");
      }
      case PYTHON -> {
        notes.add("Install grpcio, protobuf and numpy into vendor/ and generate the stubs (see README.md): "
            + "the sandbox has no network.");
        notes.add("Then: kinitro-miner check, kinitro-miner local-eval.");
      }
      case ONNX -> {
        notes.add("policy.onnx is a working CartPole controller (a linear model, input 'state' [batch, 4], output "
            + "'action' [batch, 2]: the scores of push left and push right). Replace it with your own export: "
            + "float32 input and output, named as in kinitro-agent.json.");
        notes.add("Then: kinitro-miner check, kinitro-miner local-eval. Kinitro's ONNX runner serves the model, "
            + "in the same sandbox evaluators use.");
      }
    }
    return notes;
  }

  private static byte[] resource(AgentTemplate template, String name) {
    String path = RESOURCES + template.id() + "/" + name;
    try (InputStream in = AgentTemplates.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new KinitroException(ErrorCode.INTERNAL_ERROR, "the template file " + path + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.INTERNAL_ERROR, "cannot read the template file " + path, e);
    }
  }

  private static void requireEmpty(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    if (!Files.isDirectory(root)) {
      throw new KinitroException(ErrorCode.MINER_PROJECT_EXISTS, root + " is a file, not a folder");
    }
    try (Stream<Path> entries = Files.list(root)) {
      if (entries.findAny().isPresent()) {
        throw new KinitroException(ErrorCode.MINER_PROJECT_EXISTS, root
            + " already holds files; choose a new folder (init never overwrites a project)");
      }
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.MINER_OUTPUT_FAILED, "cannot read " + root + ": " + e.getMessage(), e);
    }
  }
}
