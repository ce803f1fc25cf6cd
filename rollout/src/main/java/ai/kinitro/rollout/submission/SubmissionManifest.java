package ai.kinitro.rollout.submission;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manifest at the root of every submission, {@value #FILE_NAME}. Two kinds:
 *
 * <pre>{@code
 * {"kind": "command", "command": ["python3", "agent.py"]}
 * {"kind": "onnx", "model": "policy.onnx", "input": "state", "output": "action"}
 * }</pre>
 *
 * A {@code command} agent is started from the submission root with {@code --host H --port P}
 * appended, and must serve the agent protocol there. An {@code onnx} agent is a policy model run
 * by Kinitro's own runner behind the same protocol. Unknown keys are refused, so a typo is an
 * error rather than a silently ignored setting.
 */
public sealed interface SubmissionManifest {
  String FILE_NAME = "kinitro-agent.json";
  int MAX_BYTES = 64 * 1024;

  /** A program (argv) started in the submission root; {@code --host H --port P} are appended. */
  record Command(List<String> command) implements SubmissionManifest {
    public Command {
      command = List.copyOf(command);
      if (command.isEmpty()) {
        throw invalid("\"command\" must name a program");
      }
      for (String arg : command) {
        if (arg.indexOf('\0') >= 0) {
          throw invalid("\"command\" arguments must not contain NUL characters");
        }
      }
      if (command.getFirst().isBlank()) {
        throw invalid("\"command\" must start with a program name");
      }
    }
  }

  /** An ONNX policy: {@code model} is a path inside the submission; input/output tensor names. */
  record Onnx(String model, String input, String output) implements SubmissionManifest {
    public Onnx {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(output, "output");
      try {
        SafePaths.check(model);
      } catch (KinitroException e) {
        throw invalid("\"model\" must be a relative path inside the submission: " + e.getMessage());
      }
    }
  }

  /** Reads and checks the manifest of an extracted submission. */
  static SubmissionManifest read(Path root) {
    Path file = root.resolve(FILE_NAME);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new KinitroException(ErrorCode.SUBMISSION_MANIFEST_MISSING,
          "The submission has no " + FILE_NAME + " at its root; see docs/agents.md for its format");
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw invalid(FILE_NAME + " is larger than " + MAX_BYTES + " bytes");
      }
      SubmissionManifest m = parse(Files.readString(file));
      if (m instanceof Onnx onnx && !Files.isRegularFile(root.resolve(onnx.model()), LinkOption.NOFOLLOW_LINKS)) {
        throw invalid("The ONNX model '" + onnx.model() + "' is not a file in the submission");
      }
      return m;
    } catch (IOException e) {
      throw invalid("Could not read " + FILE_NAME + ": " + e.getMessage());
    }
  }

  /** Parses manifest JSON. */
  static SubmissionManifest parse(String json) {
    ObjectMapper mapper = JsonMapper.builder().build();
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JacksonException e) {
      throw invalid(FILE_NAME + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw invalid(FILE_NAME + " must be a JSON object");
    }
    String kind = text(root, "kind");
    return switch (kind) {
      case "command" -> {
        onlyKeys(root, Set.of("kind", "command"));
        JsonNode cmd = root.get("command");
        if (cmd == null || !cmd.isArray()) {
          throw invalid("\"command\" must be an array of strings, e.g. [\"python3\", \"agent.py\"]");
        }
        List<String> argv = new ArrayList<>();
        for (JsonNode arg : cmd) {
          if (!arg.isString()) {
            throw invalid("\"command\" must be an array of strings");
          }
          argv.add(arg.asString());
        }
        yield new Command(argv);
      }
      case "onnx" -> {
        onlyKeys(root, Set.of("kind", "model", "input", "output"));
        yield new Onnx(text(root, "model"), optionalText(root, "input", "state"), optionalText(root, "output", "action"));
      }
      default -> throw new KinitroException(ErrorCode.SUBMISSION_KIND_UNSUPPORTED,
          "Agent kind '" + kind + "' is not supported; use \"command\" or \"onnx\"");
    };
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isString() || v.asString().isEmpty()) {
      throw invalid("\"" + key + "\" must be a non-empty string");
    }
    return v.asString();
  }

  private static String optionalText(JsonNode node, String key, String fallback) {
    return node.has(key) ? text(node, key) : fallback;
  }

  private static void onlyKeys(JsonNode node, Set<String> allowed) {
    Iterator<String> names = node.propertyNames().iterator();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw invalid("Unknown key \"" + name + "\" in " + FILE_NAME + "; allowed: " + allowed);
      }
    }
  }

  private static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.SUBMISSION_MANIFEST_INVALID, message);
  }
}
