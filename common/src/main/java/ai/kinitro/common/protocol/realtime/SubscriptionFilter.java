package ai.kinitro.common.protocol.realtime;

import ai.kinitro.common.protocol.Fields;
import ai.kinitro.common.protocol.realtime.EventPayload.CompetitionCreated;
import ai.kinitro.common.protocol.realtime.EventPayload.CompetitionUpdated;
import ai.kinitro.common.protocol.realtime.EventPayload.EpisodeCompleted;
import ai.kinitro.common.protocol.realtime.EventPayload.EpisodeStep;
import ai.kinitro.common.protocol.realtime.EventPayload.EvaluationCompleted;
import ai.kinitro.common.protocol.realtime.EventPayload.JobCompleted;
import ai.kinitro.common.protocol.realtime.EventPayload.JobCreated;
import ai.kinitro.common.protocol.realtime.EventPayload.JobStatusChanged;
import ai.kinitro.common.protocol.realtime.EventPayload.LeaderCandidateCreated;
import ai.kinitro.common.protocol.realtime.EventPayload.LeaderCandidateReviewed;
import ai.kinitro.common.protocol.realtime.EventPayload.StatsUpdated;
import ai.kinitro.common.protocol.realtime.EventPayload.SubmissionReceived;
import ai.kinitro.common.protocol.realtime.EventPayload.ValidatorConnected;
import ai.kinitro.common.protocol.realtime.EventPayload.ValidatorDisconnected;
import ai.kinitro.common.protocol.realtime.EventPayload.WeightsUpdated;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.Optional;

/**
 * Typed subscription filter. Every present criterion must hold: the event's payload must carry
 * that attribute and it must be equal (ids compare as numbers, so {@code "42"} and {@code 42} can
 * never disagree). A payload that lacks a filtered attribute does not match, so an event type
 * that has none of the filtered attributes is never delivered on that subscription; subscribe to
 * it separately without a filter.
 *
 * @param competitionId only events of this competition
 * @param minerHotkey only events about this miner
 * @param validatorHotkey only events about this validator
 * @param jobId only events of this job
 * @param submissionId only events of this submission
 */
public record SubscriptionFilter(
    Optional<String> competitionId,
    Optional<String> minerHotkey,
    Optional<String> validatorHotkey,
    @JsonFormat(shape = JsonFormat.Shape.STRING) Optional<Long> jobId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) Optional<Long> submissionId) {
  /** No criteria: every event of the subscribed types. */
  public static final SubscriptionFilter NONE =
      new SubscriptionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public SubscriptionFilter {
    competitionId = Fields.optional(competitionId);
    competitionId.ifPresent(c -> Fields.token(c, "competition_id"));
    minerHotkey = Fields.optional(minerHotkey);
    minerHotkey.ifPresent(h -> Fields.hotkey(h, "miner_hotkey"));
    validatorHotkey = Fields.optional(validatorHotkey);
    validatorHotkey.ifPresent(h -> Fields.hotkey(h, "validator_hotkey"));
    jobId = Fields.optional(jobId);
    jobId.ifPresent(id -> Fields.id(id, "job_id"));
    submissionId = Fields.optional(submissionId);
    submissionId.ifPresent(id -> Fields.id(id, "submission_id"));
  }

  /** Whether an event with this payload passes the filter. */
  public boolean accepts(EventPayload payload) {
    Attributes a = attributesOf(payload);
    return matches(competitionId, a.competitionId)
        && matches(minerHotkey, a.minerHotkey)
        && matches(validatorHotkey, a.validatorHotkey)
        && matches(jobId, a.jobId)
        && matches(submissionId, a.submissionId);
  }

  private static <T> boolean matches(Optional<T> wanted, Optional<T> actual) {
    return wanted.isEmpty() || wanted.equals(actual);
  }

  private record Attributes(
      Optional<String> competitionId,
      Optional<String> minerHotkey,
      Optional<String> validatorHotkey,
      Optional<Long> jobId,
      Optional<Long> submissionId) {
    static final Attributes NONE =
        new Attributes(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static Attributes attributesOf(EventPayload payload) {
    return switch (payload) {
      case JobCreated p ->
          new Attributes(Optional.of(p.competitionId()), Optional.of(p.minerHotkey()), Optional.empty(), Optional.of(p.jobId()), Optional.of(p.submissionId()));
      case JobStatusChanged p -> new Attributes(Optional.empty(), Optional.empty(), p.validatorHotkey(), Optional.of(p.jobId()), Optional.empty());
      case JobCompleted p -> new Attributes(Optional.empty(), Optional.empty(), p.validatorHotkey(), Optional.of(p.jobId()), Optional.empty());
      case EvaluationCompleted p ->
          new Attributes(Optional.of(p.competitionId()), Optional.of(p.minerHotkey()), Optional.of(p.validatorHotkey()), Optional.of(p.jobId()), Optional.of(p.submissionId()));
      case EpisodeCompleted p ->
          new Attributes(Optional.empty(), Optional.empty(), Optional.of(p.validatorHotkey()), Optional.of(p.jobId()), Optional.of(p.submissionId()));
      case EpisodeStep p ->
          new Attributes(Optional.empty(), Optional.empty(), Optional.of(p.validatorHotkey()), Optional.of(p.jobId()), Optional.of(p.submissionId()));
      case SubmissionReceived p ->
          new Attributes(Optional.of(p.competitionId()), Optional.of(p.minerHotkey()), Optional.empty(), Optional.empty(), Optional.of(p.submissionId()));
      case ValidatorConnected p -> new Attributes(Optional.empty(), Optional.empty(), Optional.of(p.validatorHotkey()), Optional.empty(), Optional.empty());
      case ValidatorDisconnected p -> new Attributes(Optional.empty(), Optional.empty(), Optional.of(p.validatorHotkey()), Optional.empty(), Optional.empty());
      case LeaderCandidateCreated p ->
          new Attributes(Optional.of(p.competitionId()), Optional.of(p.minerHotkey()), Optional.empty(), Optional.of(p.jobId()), Optional.empty());
      case LeaderCandidateReviewed p -> new Attributes(Optional.of(p.competitionId()), Optional.of(p.minerHotkey()), Optional.empty(), Optional.empty(), Optional.empty());
      case CompetitionCreated p -> new Attributes(Optional.of(p.competitionId()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
      case CompetitionUpdated p -> new Attributes(Optional.of(p.competitionId()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
      case StatsUpdated p -> Attributes.NONE;
      case WeightsUpdated p -> Attributes.NONE;
    };
  }
}
