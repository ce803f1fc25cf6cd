package ai.kinitro.demo;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.agent.AgentLibrary;
import ai.kinitro.rollout.submission.SubmissionManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a demo miner's agent folder the way a miner's build would: {@code kinitro-agent.json} (a
 * {@code command} agent running the example's main class on the JDK this process runs on) and
 * {@code lib/} with kinitro-common and the agent SDK's jars taken from this process's class path.
 */
public final class DemoAgents {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DemoAgents() {}

  /**
   * (Re)writes {@code folder} for {@code miner}.
   *
   * @param javaBinary the {@code java} the agent runs with; the evaluator's sandbox shows {@code
   *     /usr} read-only, so it must live there (or be added to the sandbox's extra paths)
   * @param classPath where kinitro-common and the SDK jars come from
   */
  public static Path write(Path folder, DemoMiner miner, String javaBinary, String classPath) {
    try {
      if (Files.isDirectory(folder)) {
        ai.kinitro.rollout.submission.SubmissionArchive.deleteTree(folder);
      }
      Files.createDirectories(folder);
      AgentLibrary.copyInto(folder.resolve("lib"), classPath);
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("kind", "command");
      manifest.put("command", List.of(javaBinary, "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-cp", "lib/*", miner.agentMainClass()));
      Files.writeString(folder.resolve(SubmissionManifest.FILE_NAME), JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsString(manifest) + "\n");
      return folder;
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.PLATFORM_STATE_UNREADABLE, "could not write the demo agent in " + folder + ": "
          + e.getMessage(), e);
    }
  }
}
