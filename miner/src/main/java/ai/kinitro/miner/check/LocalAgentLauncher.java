package ai.kinitro.miner.check;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.miner.pack.PackagedSubmission;
import ai.kinitro.miner.pack.SubmissionPackager;
import ai.kinitro.rollout.runtime.LocalSandboxRuntime;
import ai.kinitro.rollout.runtime.RunningAgent;
import ai.kinitro.rollout.submission.Submission;
import ai.kinitro.rollout.submission.SubmissionArchive;
import ai.kinitro.rollout.submission.SubmissionManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Starts an agent project the way an evaluator starts a submission: validate the manifest, package
 * the folder reproducibly, run every archive check on the package and extract it, then start the
 * extracted copy in the local sandbox and wait for its first Ping (an {@code onnx} project: Kinitro's
 * ONNX runner serving its model, from this tool's own Java and class path). What passes here passes the
 * evaluator's own checks, so problems show up before anything is uploaded.
 */
public final class LocalAgentLauncher {
  private final LocalAgentOptions options;

  public LocalAgentLauncher(LocalAgentOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public LocalAgentOptions options() {
    return options;
  }

  /** Runs the checks and starts the agent; the caller closes it. */
  public LocalAgent start(Path agentDir, CheckListener listener) {
    Path root = agentDir.toAbsolutePath().normalize();
    SubmissionManifest manifest = Submission.fromDirectory(root).manifest();
    listener.passed("manifest " + SubmissionManifest.FILE_NAME + ": " + describe(manifest));
    Path temp = createTemp(options.workDir(), "check-");
    Path runDir = null;
    try {
      PackagedSubmission packaged = new SubmissionPackager(options.archiveLimits().maxArchiveBytes())
          .pack(root, temp.resolve("submission.tar.gz"));
      listener.passed("packaged " + packaged.fileCount() + " files: " + packaged.sizeBytes() + " bytes (limit "
          + options.archiveLimits().maxArchiveBytes() + "), sha256 " + packaged.sha256());
      Submission extracted = SubmissionArchive.extract(packaged.archive(), packaged.sha256(), temp.resolve("extracted"),
          options.archiveLimits());
      listener.passed("archive rules: paths, links, special files, duplicates, " + options.archiveLimits().maxEntries()
          + "-entry and " + options.archiveLimits().maxUnpackedBytes() + "-byte unpacked limits");
      // The agent's Unix socket lives in the run folder: keep its path well under the 108-byte limit.
      runDir = createTemp(Optional.empty(), "km-");
      LocalSandboxRuntime.Config config = LocalSandboxRuntime.Config.detect(runDir)
          .withExtraReadOnlyPaths(options.extraReadOnlyPaths());
      if (options.requireSandbox()) {
        config = config.requiringSandbox();
      }
      long started = System.nanoTime();
      RunningAgent agent = new LocalSandboxRuntime(config).start(extracted, options.agentLimits());
      Duration startup = Duration.ofNanos(System.nanoTime() - started);
      listener.passed("started in the " + agent.isolation().description() + "; agent '" + agent.agentName()
          + "' answered Ping after " + startup.toMillis() + " ms");
      return new LocalAgent(agent, packaged, manifest, startup, List.of(temp, runDir));
    } catch (RuntimeException e) {
      SubmissionArchive.deleteTree(temp);
      if (runDir != null) {
        SubmissionArchive.deleteTree(runDir);
      }
      throw e;
    }
  }

  private static Path createTemp(Optional<Path> parent, String prefix) {
    try {
      if (parent.isPresent()) {
        Files.createDirectories(parent.get());
        return Files.createTempDirectory(parent.get(), prefix);
      }
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.MINER_OUTPUT_FAILED, "cannot create a temporary folder: " + e.getMessage(), e);
    }
  }

  static String describe(SubmissionManifest manifest) {
    return switch (manifest) {
      case SubmissionManifest.Command c -> "command " + String.join(" ", c.command());
      case SubmissionManifest.Onnx o -> "onnx model " + o.model() + " (input '" + o.input() + "', output '" + o.output()
          + "')";
    };
  }
}
