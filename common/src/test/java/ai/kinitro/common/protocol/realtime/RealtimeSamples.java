package ai.kinitro.common.protocol.realtime;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.common.protocol.ProtocolVersion;
import ai.kinitro.common.protocol.StepRecord;
import ai.kinitro.common.protocol.WeightEntry;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/** One realistic instance of every realtime message and event payload (the doc examples). */
final class RealtimeSamples {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String VALIDATOR = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  static final String MINER = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
  static final String OWNER = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
  static final String COMPETITION = "3f9c0a6e5b2d4c1e8f7a6b5c4d3e2f1a";
  static final long JOB_ID = 7312849021437952001L;
  static final long SUBMISSION_ID = 7312848011234567890L;
  static final String SUBSCRIPTION = "s-8c1f0e2a";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RealtimeSamples() {}

  static SubscriptionFilter competitionFilter() {
    return new SubscriptionFilter(Optional.of(COMPETITION), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  static RealtimeMessage of(RealtimeMessageType type) {
    return switch (type) {
      case WELCOME -> new Welcome(ProtocolVersion.CURRENT, "rt-51b7c0d9", T0);
      case SUBSCRIBE ->
          new Subscribe("r1", List.of(EventType.JOB_CREATED, EventType.EVALUATION_COMPLETED), competitionFilter());
      case SUBSCRIPTION_ACK ->
          new SubscriptionAck("r1", SUBSCRIPTION, List.of(EventType.JOB_CREATED, EventType.EVALUATION_COMPLETED), competitionFilter());
      case UNSUBSCRIBE -> new Unsubscribe("r2", SUBSCRIPTION);
      case UNSUBSCRIPTION_ACK -> new UnsubscriptionAck("r2", SUBSCRIPTION, true);
      case PING -> new Ping("r3");
      case PONG -> new Pong("r3", T0.plusSeconds(5));
      case EVENT -> event(EventType.JOB_CREATED, 1);
      case ERROR ->
          RealtimeError.of(ErrorCode.UNKNOWN_MESSAGE_TYPE, "unknown message type 'subscribe_all' on this channel", Optional.of("r4"));
    };
  }

  static Event event(EventType type, long sequence) {
    return new Event(SUBSCRIPTION, sequence, T0.plusSeconds(sequence), payload(type));
  }

  static EventPayload payload(EventType type) {
    return switch (type) {
      case JOB_CREATED -> new JobCreated(JOB_ID, SUBMISSION_ID, COMPETITION, MINER, "manipulation", "MT10", T0);
      case JOB_STATUS_CHANGED ->
          new JobStatusChanged(JOB_ID, Optional.of(VALIDATOR), EvaluationStatus.RUNNING, Optional.of("Evaluator started processing the job"), T0.plusSeconds(45));
      case JOB_COMPLETED ->
          new JobCompleted(JOB_ID, Optional.of(VALIDATOR), EvaluationStatus.COMPLETED, Optional.empty(), T0.plusSeconds(640));
      case EVALUATION_COMPLETED ->
          new EvaluationCompleted(
              JOB_ID, SUBMISSION_ID, VALIDATOR, MINER, COMPETITION, "MT10", EvaluationStatus.COMPLETED,
              Optional.of(new Metrics(412.5, 0.75, 412.5, 4)), T0.plusSeconds(641));
      case EPISODE_COMPLETED ->
          new EpisodeCompleted(JOB_ID, SUBMISSION_ID, VALIDATOR, "manipulation/reach-v1:0", 0, "manipulation/reach-v1", true, 598.5, 87, T0.plusSeconds(50), T0.plusSeconds(71));
      case EPISODE_STEP ->
          new EpisodeStep(
              JOB_ID, SUBMISSION_ID, VALIDATOR, "manipulation/reach-v1:0", 0,
              new StepRecord(5, JSON.readTree("[0.0,0.2,-0.1,-1.0]"), 2.5, true, false, List.of(), JSON.readTree("{\"success\":true}"), T0.plusSeconds(51)));
      case SUBMISSION_RECEIVED ->
          new SubmissionReceived(SUBMISSION_ID, COMPETITION, MINER, "v1", 5_123_456L, T0.minusSeconds(60), T0.plusSeconds(240));
      case VALIDATOR_CONNECTED -> new ValidatorConnected(VALIDATOR, "c-4f1d9a7b2e6c", T0.plusSeconds(1));
      case VALIDATOR_DISCONNECTED ->
          new ValidatorDisconnected(VALIDATOR, "c-4f1d9a7b2e6c", T0.plusSeconds(900), Optional.of("Heartbeat timeout"));
      case STATS_UPDATED ->
          new StatsUpdated(2, 1, 100, 3, 42, 84, 160, 80, 4, Optional.of(5_123_500L), Map.of(COMPETITION, 100.0));
      case LEADER_CANDIDATE_CREATED ->
          new LeaderCandidateCreated(17L, COMPETITION, MINER, JOB_ID, 412.5, 0.75, T0.plusSeconds(700));
      case LEADER_CANDIDATE_REVIEWED ->
          new LeaderCandidateReviewed(17L, COMPETITION, MINER, CandidateStatus.APPROVED, Optional.of("Verified on two validators"), T0.plusSeconds(3_600));
      case COMPETITION_CREATED -> new CompetitionCreated(COMPETITION, "MetaWorld MT10", 100, true, T0.minusSeconds(86_400));
      case COMPETITION_UPDATED -> new CompetitionUpdated(COMPETITION, "MetaWorld MT10", 100, false, T0.plusSeconds(7_200));
      case WEIGHTS_UPDATED ->
          new WeightsUpdated("w-20260301T1200", 26, T0, List.of(new WeightEntry(4, OWNER, 0.98), new WeightEntry(17, MINER, 0.02)));
    };
  }
}
