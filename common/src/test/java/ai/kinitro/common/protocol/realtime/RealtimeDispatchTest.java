package ai.kinitro.common.protocol.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.ProtocolCodec;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Exhaustive switches with no default over messages and event payloads, as consumers write them. */
class RealtimeDispatchTest {
  private final ProtocolCodec<RealtimeMessage> codec = RealtimeProtocol.codecBuilder().build();

  static String expectedType(RealtimeMessage message) {
    return switch (message) {
      case Welcome m -> "welcome";
      case Subscribe m -> "subscribe";
      case SubscriptionAck m -> "subscription_ack";
      case Unsubscribe m -> "unsubscribe";
      case UnsubscriptionAck m -> "unsubscription_ack";
      case Ping m -> "ping";
      case Pong m -> "pong";
      case Event m -> "event";
      case RealtimeError m -> "error";
    };
  }

  static String expectedEventType(EventPayload payload) {
    return switch (payload) {
      case JobCreated p -> "job_created";
      case JobStatusChanged p -> "job_status_changed";
      case JobCompleted p -> "job_completed";
      case EvaluationCompleted p -> "evaluation_completed";
      case EpisodeCompleted p -> "episode_completed";
      case EpisodeStep p -> "episode_step";
      case SubmissionReceived p -> "submission_received";
      case ValidatorConnected p -> "validator_connected";
      case ValidatorDisconnected p -> "validator_disconnected";
      case StatsUpdated p -> "stats_updated";
      case LeaderCandidateCreated p -> "leader_candidate_created";
      case LeaderCandidateReviewed p -> "leader_candidate_reviewed";
      case CompetitionCreated p -> "competition_created";
      case CompetitionUpdated p -> "competition_updated";
      case WeightsUpdated p -> "weights_updated";
    };
  }

  @ParameterizedTest
  @EnumSource(RealtimeMessageType.class)
  void theEncodedTypeFieldIsTheOneTheExhaustiveSwitchExpects(RealtimeMessageType type) {
    RealtimeMessage sample = RealtimeSamples.of(type);

    String encodedType = JsonMapper.shared().readTree(codec.encode(sample)).get("type").asString();

    assertThat(encodedType).isEqualTo(expectedType(sample)).isEqualTo(sample.type().wireName());
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void theEncodedEventTypeIsDerivedFromThePayload(EventType type) {
    Event event = RealtimeSamples.event(type, 3);

    JsonNode json = JsonMapper.shared().readTree(codec.encode(event));

    assertThat(json.get("event_type").asString())
        .isEqualTo(expectedEventType(event.payload()))
        .isEqualTo(type.wireName());
    assertThat(event.eventType()).isEqualTo(type);
  }
}
