package ai.kinitro.common.protocol.realtime;

import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Fields;
import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.common.protocol.StepRecord;
import ai.kinitro.common.protocol.WeightEntry;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed data of an {@link Event}; one record per {@link EventType}. 64-bit ids are decimal
 * strings on the wire, like everywhere in the protocol.
 */
public sealed interface EventPayload {

  /** The event type of this payload (from the {@link EventType} registry). */
  default EventType eventType() {
    return EventType.of(this);
  }

  /** A job was created (new submission, or an admin rerun). */
  record JobCreated(
      @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
      @JsonFormat(shape = JsonFormat.Shape.STRING) long submissionId,
      String competitionId,
      String minerHotkey,
      String provider,
      String benchmarkName,
      Instant createdAt)
      implements EventPayload {
    public JobCreated {
      Fields.id(jobId, "job_id");
      Fields.id(submissionId, "submission_id");
      Fields.token(competitionId, "competition_id");
      Fields.hotkey(minerHotkey, "miner_hotkey");
      Fields.token(provider, "provider");
      Fields.token(benchmarkName, "benchmark_name");
      Fields.required(createdAt, "created_at");
    }
  }

  /** A job's status changed on one validator (or, without a validator, for the whole job). */
  record JobStatusChanged(
      @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
      Optional<String> validatorHotkey,
      EvaluationStatus status,
      Optional<String> detail,
      Instant changedAt)
      implements EventPayload {
    public JobStatusChanged {
      Fields.id(jobId, "job_id");
      validatorHotkey = optionalHotkey(validatorHotkey, "validator_hotkey");
      Fields.required(status, "status");
      detail = Fields.optionalText(detail, "detail", Fields.MAX_TEXT_LENGTH);
      Fields.required(changedAt, "changed_at");
    }
  }

  /** A job reached a terminal status on one validator (or, without a validator, for good). */
  record JobCompleted(
      @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
      Optional<String> validatorHotkey,
      EvaluationStatus status,
      Optional<String> detail,
      Instant completedAt)
      implements EventPayload {
    public JobCompleted {
      Fields.id(jobId, "job_id");
      validatorHotkey = optionalHotkey(validatorHotkey, "validator_hotkey");
      Fields.required(status, "status");
      if (!status.terminal()) {
        throw Fields.invalid("status", "must be a terminal status");
      }
      detail = Fields.optionalText(detail, "detail", Fields.MAX_TEXT_LENGTH);
      Fields.required(completedAt, "completed_at");
    }
  }

  /** A validator's result was stored. */
  record EvaluationCompleted(
      @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
      @JsonFormat(shape = JsonFormat.Shape.STRING) long submissionId,
      String validatorHotkey,
      String minerHotkey,
      String competitionId,
      String benchmarkName,
      EvaluationStatus status,
      Optional<Metrics> metrics,
      Instant resultTime)
      implements EventPayload {
    public EvaluationCompleted {
      Fields.id(jobId, "job_id");
      Fields.id(submissionId, "submission_id");
      Fields.hotkey(validatorHotkey, "validator_hotkey");
      Fields.hotkey(minerHotkey, "miner_hotkey");
      Fields.token(competitionId, "competition_id");
      Fields.token(benchmarkName, "benchmark_name");
      Fields.required(status, "status");
      if (!status.terminal()) {
        throw Fields.invalid("status", "must be a terminal status");
      }
      metrics = Fields.optional(metrics);
      Fields.required(resultTime, "result_time");
    }
  }

  /** An episode summary was stored. */
  record EpisodeCompleted(
      @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
      @JsonFormat(shape = JsonFormat.Shape.STRING) long submissionId,
      String validatorHotkey,
      String taskId,
      int episodeIndex,
      String envName,
      boolean success,
      double finalReward,
      int steps,
      Instant startedAt,
      Instant endedAt)
      implements EventPayload {
    public EpisodeCompleted {
      Fields.id(jobId, "job_id");
      Fields.id(submissionId, "submission_id");
      Fields.hotkey(validatorHotkey, "validator_hotkey");
      Fields.token(taskId, "task_id");
      Fields.atLeast(episodeIndex, 0, "episode_index");
      Fields.token(envName, "env_name");
      Fields.finite(finalReward, "final_reward");
      Fields.atLeast(steps, 0, "steps");
      Fields.required(startedAt, "started_at");
      Fields.required(endedAt, "ended_at");
    }
  }

  /** A logged step was stored. */
  record EpisodeStep(
      @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
      @JsonFormat(shape = JsonFormat.Shape.STRING) long submissionId,
      String validatorHotkey,
      String taskId,
      int episodeIndex,
      StepRecord step)
      implements EventPayload {
    public EpisodeStep {
      Fields.id(jobId, "job_id");
      Fields.id(submissionId, "submission_id");
      Fields.hotkey(validatorHotkey, "validator_hotkey");
      Fields.token(taskId, "task_id");
      Fields.atLeast(episodeIndex, 0, "episode_index");
      Fields.required(step, "step");
    }
  }

  /** A miner's on-chain commitment matched an upload; the submission exists. */
  record SubmissionReceived(
      @JsonFormat(shape = JsonFormat.Shape.STRING) long submissionId,
      String competitionId,
      String minerHotkey,
      String version,
      long commitmentBlock,
      Instant receivedAt,
      Instant holdoutReleaseAt)
      implements EventPayload {
    public SubmissionReceived {
      Fields.id(submissionId, "submission_id");
      Fields.token(competitionId, "competition_id");
      Fields.hotkey(minerHotkey, "miner_hotkey");
      Fields.text(version, "version", 32);
      Fields.atLeast(commitmentBlock, 0, "commitment_block");
      Fields.required(receivedAt, "received_at");
      Fields.required(holdoutReleaseAt, "holdout_release_at");
    }
  }

  /** A validator completed the handshake. */
  record ValidatorConnected(String validatorHotkey, String connectionId, Instant connectedAt)
      implements EventPayload {
    public ValidatorConnected {
      Fields.hotkey(validatorHotkey, "validator_hotkey");
      Fields.token(connectionId, "connection_id");
      Fields.required(connectedAt, "connected_at");
    }
  }

  /** A validator's connection ended. */
  record ValidatorDisconnected(
      String validatorHotkey, String connectionId, Instant disconnectedAt, Optional<String> reason)
      implements EventPayload {
    public ValidatorDisconnected {
      Fields.hotkey(validatorHotkey, "validator_hotkey");
      Fields.token(connectionId, "connection_id");
      Fields.required(disconnectedAt, "disconnected_at");
      reason = Fields.optionalText(reason, "reason", Fields.MAX_TEXT_LENGTH);
    }
  }

  /** The global counters changed. */
  record StatsUpdated(
      int totalCompetitions,
      int activeCompetitions,
      long totalPoints,
      int connectedValidators,
      long totalSubmissions,
      long totalJobs,
      long totalResults,
      long completedJobs,
      long failedJobs,
      Optional<Long> lastSeenBlock,
      Map<String, Double> competitionPercentages)
      implements EventPayload {
    public StatsUpdated {
      Fields.atLeast(totalCompetitions, 0, "total_competitions");
      Fields.between(activeCompetitions, 0, totalCompetitions, "active_competitions");
      Fields.atLeast(totalPoints, 0, "total_points");
      Fields.atLeast(connectedValidators, 0, "connected_validators");
      Fields.atLeast(totalSubmissions, 0, "total_submissions");
      Fields.atLeast(totalJobs, 0, "total_jobs");
      Fields.atLeast(totalResults, 0, "total_results");
      Fields.atLeast(completedJobs, 0, "completed_jobs");
      Fields.atLeast(failedJobs, 0, "failed_jobs");
      lastSeenBlock = Fields.optional(lastSeenBlock);
      lastSeenBlock.ifPresent(b -> Fields.atLeast(b, 0, "last_seen_block"));
      competitionPercentages = Fields.sortedMap(competitionPercentages, "competition_percentages");
      competitionPercentages.forEach(
          (id, pct) -> {
            Fields.finite(pct, "competition_percentages." + id);
            if (pct < 0 || pct > 100) {
              throw Fields.invalid("competition_percentages." + id, "must be between 0 and 100");
            }
          });
    }
  }

  /** A result became a candidate for competition leader and awaits review. */
  record LeaderCandidateCreated(
      @JsonFormat(shape = JsonFormat.Shape.STRING) long candidateId,
      String competitionId,
      String minerHotkey,
      @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
      double avgReward,
      double successRate,
      Instant createdAt)
      implements EventPayload {
    public LeaderCandidateCreated {
      Fields.id(candidateId, "candidate_id");
      Fields.token(competitionId, "competition_id");
      Fields.hotkey(minerHotkey, "miner_hotkey");
      Fields.id(jobId, "job_id");
      Fields.finite(avgReward, "avg_reward");
      Fields.fraction(successRate, "success_rate");
      Fields.required(createdAt, "created_at");
    }
  }

  /** An admin approved, rejected or unapproved a leader candidate. */
  record LeaderCandidateReviewed(
      @JsonFormat(shape = JsonFormat.Shape.STRING) long candidateId,
      String competitionId,
      String minerHotkey,
      CandidateStatus status,
      Optional<String> reason,
      Instant reviewedAt)
      implements EventPayload {
    public LeaderCandidateReviewed {
      Fields.id(candidateId, "candidate_id");
      Fields.token(competitionId, "competition_id");
      Fields.hotkey(minerHotkey, "miner_hotkey");
      Fields.required(status, "status");
      reason = Fields.optionalText(reason, "reason", Fields.MAX_TEXT_LENGTH);
      Fields.required(reviewedAt, "reviewed_at");
    }
  }

  /** A competition was created. */
  record CompetitionCreated(String competitionId, String name, int points, boolean active, Instant createdAt)
      implements EventPayload {
    public CompetitionCreated {
      Fields.token(competitionId, "competition_id");
      Fields.text(name, "name", 256);
      Fields.atLeast(points, 1, "points");
      Fields.required(createdAt, "created_at");
    }
  }

  /** A competition changed (activated, deactivated, edited). */
  record CompetitionUpdated(String competitionId, String name, int points, boolean active, Instant updatedAt)
      implements EventPayload {
    public CompetitionUpdated {
      Fields.token(competitionId, "competition_id");
      Fields.text(name, "name", 256);
      Fields.atLeast(points, 1, "points");
      Fields.required(updatedAt, "updated_at");
    }
  }

  /** A new weights snapshot was computed (the same one sent to validators as set_weights). */
  record WeightsUpdated(String snapshotId, int netuid, Instant computedAt, List<WeightEntry> entries)
      implements EventPayload {
    public WeightsUpdated {
      Fields.token(snapshotId, "snapshot_id");
      Fields.between(netuid, 0, 65535, "netuid");
      Fields.required(computedAt, "computed_at");
      entries = Fields.nonEmptyList(entries, "entries");
      Fields.unique(entries, WeightEntry::uid, "entries");
    }
  }

  private static Optional<String> optionalHotkey(Optional<String> hotkey, String field) {
    Optional<String> present = Fields.optional(hotkey);
    present.ifPresent(h -> Fields.hotkey(h, field));
    return present;
  }
}
