package ai.kinitro.miner.check;

import ai.kinitro.miner.pack.PackagedSubmission;
import ai.kinitro.rollout.runtime.RunningAgent;
import ai.kinitro.rollout.submission.SubmissionArchive;
import ai.kinitro.rollout.submission.SubmissionManifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An agent started from its packaged, checked and extracted archive. Closing it stops the agent and
 * deletes the archive, the extracted copy and the run files.
 */
public final class LocalAgent implements AutoCloseable {
  private final RunningAgent agent;
  private final PackagedSubmission archive;
  private final SubmissionManifest manifest;
  private final Duration startup;
  private final List<Path> temporary;

  LocalAgent(RunningAgent agent, PackagedSubmission archive, SubmissionManifest manifest, Duration startup, List<Path> temporary) {
    this.agent = Objects.requireNonNull(agent, "agent");
    this.archive = Objects.requireNonNull(archive, "archive");
    this.manifest = Objects.requireNonNull(manifest, "manifest");
    this.startup = Objects.requireNonNull(startup, "startup");
    this.temporary = List.copyOf(temporary);
  }

  public RunningAgent agent() {
    return agent;
  }

  /** The archive built for the run (deleted on close). */
  public PackagedSubmission archive() {
    return archive;
  }

  public SubmissionManifest manifest() {
    return manifest;
  }

  /** From process start to the first answered Ping. */
  public Duration startup() {
    return startup;
  }

  @Override
  public void close() {
    try {
      agent.close();
    } finally {
      temporary.forEach(SubmissionArchive::deleteTree);
    }
  }
}
