package ai.kinitro.common.protocol.realtime;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of realtime event types: each constant names one {@link EventPayload} record, so an
 * event's type is derived from its payload and cannot disagree with it.
 */
public enum EventType {
  JOB_CREATED("job_created", EventPayload.JobCreated.class),
  JOB_STATUS_CHANGED("job_status_changed", EventPayload.JobStatusChanged.class),
  JOB_COMPLETED("job_completed", EventPayload.JobCompleted.class),
  EVALUATION_COMPLETED("evaluation_completed", EventPayload.EvaluationCompleted.class),
  EPISODE_COMPLETED("episode_completed", EventPayload.EpisodeCompleted.class),
  EPISODE_STEP("episode_step", EventPayload.EpisodeStep.class),
  SUBMISSION_RECEIVED("submission_received", EventPayload.SubmissionReceived.class),
  VALIDATOR_CONNECTED("validator_connected", EventPayload.ValidatorConnected.class),
  VALIDATOR_DISCONNECTED("validator_disconnected", EventPayload.ValidatorDisconnected.class),
  STATS_UPDATED("stats_updated", EventPayload.StatsUpdated.class),
  LEADER_CANDIDATE_CREATED("leader_candidate_created", EventPayload.LeaderCandidateCreated.class),
  LEADER_CANDIDATE_REVIEWED("leader_candidate_reviewed", EventPayload.LeaderCandidateReviewed.class),
  COMPETITION_CREATED("competition_created", EventPayload.CompetitionCreated.class),
  COMPETITION_UPDATED("competition_updated", EventPayload.CompetitionUpdated.class),
  WEIGHTS_UPDATED("weights_updated", EventPayload.WeightsUpdated.class);

  private static final Map<String, EventType> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.wireName, Function.identity()));
  private static final Map<Class<?>, EventType> BY_PAYLOAD =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.payloadType, Function.identity()));

  private final String wireName;
  private final Class<? extends EventPayload> payloadType;

  EventType(String wireName, Class<? extends EventPayload> payloadType) {
    this.wireName = wireName;
    this.payloadType = payloadType;
  }

  /** The value of {@code event_type} and of the entries of {@code event_types}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  public Class<? extends EventPayload> payloadType() {
    return payloadType;
  }

  public static Optional<EventType> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }

  /** The type of a payload; fails for a payload record missing from this registry. */
  public static EventType of(EventPayload payload) {
    EventType type = BY_PAYLOAD.get(payload.getClass());
    if (type == null) {
      throw new IllegalStateException(payload.getClass().getName() + " is missing from EventType");
    }
    return type;
  }
}
