package ai.kinitro.evaluator.runtime;

import ai.kinitro.common.protocol.validator.Artifact;
import java.util.Objects;

/**
 * What a runtime may know about the job it starts an agent for, besides the extracted submission:
 * ids for labels and logs, the attempt number, and the artifact (the Kubernetes runtime's init
 * container fetches it again through the presigned URL). Never the task seeds.
 */
public record AgentJob(long jobId, long submissionId, int attempt, Artifact artifact) {
  public AgentJob {
    Objects.requireNonNull(artifact, "artifact");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt counts from 1, was " + attempt);
    }
  }
}
