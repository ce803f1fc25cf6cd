package ai.kinitro.miner.template;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The project templates: which bundled files go where. The Java source and the Python agent are the
 * documented examples of {@code docs/examples}, copied in at build time.
 */
public enum AgentTemplate {
  /** An agent written against Kinitro's Java SDK ({@code ai.kinitro.common.agent}), built with Maven. */
  JAVA("java", true, Map.of(
      "pom.xml", "pom.xml",
      "README.md", "README.md",
      "kinitroignore", ".kinitroignore",
      "MyAgent.java", "src/main/java/example/MyAgent.java")),
  /** A Python gRPC agent (grpcio, protobuf, numpy vendored into the archive). */
  PYTHON("python", true, Map.of(
      "agent.py", "agent.py",
      "requirements.txt", "requirements.txt",
      "agent.proto", "agent.proto",
      "README.md", "README.md")),
  /**
   * An ONNX policy served by Kinitro's own runner; {@code init} also writes a generated {@code
   * policy.onnx} (the CartPole controller as a linear model).
   */
  ONNX("onnx", true, Map.of("README.md", "README.md"));

  private final String id;
  private final boolean runnable;
  private final Map<String, String> files;

  AgentTemplate(String id, boolean runnable, Map<String, String> files) {
    this.id = id;
    this.runnable = runnable;
    this.files = files;
  }

  public String id() {
    return id;
  }

  /** False when evaluators cannot run this kind of agent yet. */
  public boolean runnable() {
    return runnable;
  }

  /** Bundled resource name to path in the new project. */
  Map<String, String> files() {
    return files;
  }

  /** By id ({@code java}, {@code python}, {@code onnx}), case-insensitive. */
  public static AgentTemplate of(String id) {
    String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst()
        .orElseThrow(() -> new KinitroException(ErrorCode.INVALID_ARGUMENT, "unknown template '" + id + "'; choose one of "
            + ids()));
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(AgentTemplate::id).toList();
  }
}
