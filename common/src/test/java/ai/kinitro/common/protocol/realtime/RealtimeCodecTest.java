package ai.kinitro.common.protocol.realtime;

import static ai.kinitro.common.protocol.realtime.RealtimeSamples.COMPETITION;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.DecodeResult.Decoded;
import ai.kinitro.common.protocol.DecodeResult.Rejected;
import ai.kinitro.common.protocol.ExampleFiles;
import ai.kinitro.common.protocol.ProtocolCodec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RealtimeCodecTest {
  private final ProtocolCodec<RealtimeMessage> codec = RealtimeProtocol.codecBuilder().build();

  private static ObjectNode example(String name) {
    return (ObjectNode) JsonMapper.shared().readTree(ExampleFiles.read("realtime/" + name));
  }

  private static Rejected<RealtimeMessage> rejected(DecodeResult<RealtimeMessage> result) {
    assertThat(result).isInstanceOf(Rejected.class);
    return (Rejected<RealtimeMessage>) result;
  }

  @Test
  void anUnknownClientMessageIsARealErrorThatEchoesTheRequestId() {
    Rejected<RealtimeMessage> r = rejected(RealtimeProtocol.serverCodec().decode("{\"type\":\"subscribe_all\",\"request_id\":\"r4\"}"));

    assertThat(RealtimeError.from(r)).isEqualTo(RealtimeSamples.of(RealtimeMessageType.ERROR));
  }

  @Test
  void anEventWhosePayloadDoesNotFitItsEventTypeIsMalformed() {
    ObjectNode frame = example("events/validator_connected").put("event_type", "job_created");

    assertThat(rejected(codec.decode(frame.toString())).code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
  }

  @Test
  void anEventWithAnUnknownOrMissingEventTypeIsMalformed() {
    ObjectNode frame = example("events/job_created").put("event_type", "job_exploded");
    assertThat(rejected(codec.decode(frame.toString())).code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);

    frame.remove("event_type");
    assertThat(rejected(codec.decode(frame.toString())).code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
  }

  @Test
  void aSubscriptionToAnUnknownEventTypeIsMalformed() {
    ObjectNode frame = example("subscribe");
    frame.putArray("event_types").add("job_created").add("everything");

    Rejected<RealtimeMessage> r = rejected(codec.decode(frame.toString()));

    assertThat(r.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
    assertThat(r.messageId()).contains("r1");
  }

  @Test
  void idFiltersTravelAsDecimalStrings() {
    Subscribe subscribe =
        new Subscribe(
            "r9",
            List.of(EventType.EPISODE_STEP),
            new SubscriptionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(RealtimeSamples.JOB_ID), Optional.empty()));

    String json = codec.encode(subscribe);

    assertThat(json).contains("\"job_id\":\"7312849021437952001\"");
    assertThat(codec.decode(json)).isEqualTo(new Decoded<>(subscribe));
  }

  @Test
  void aSubscribeWithoutFiltersGetsTheEmptyFilter() {
    DecodeResult<RealtimeMessage> result = codec.decode("{\"type\":\"subscribe\",\"request_id\":\"r1\",\"event_types\":[\"stats_updated\"]}");

    assertThat(result).isEqualTo(new Decoded<>(new Subscribe("r1", List.of(EventType.STATS_UPDATED), SubscriptionFilter.NONE)));
  }

  @Test
  void aClientCodecRefusesClientMessages() {
    assertThat(rejected(RealtimeProtocol.clientCodec().decode(codec.encode(new Ping("r3")))).code()).isEqualTo(ErrorCode.UNEXPECTED_MESSAGE);
  }

  @Test
  void anUnknownMajorVersionInTheWelcomeIsUnsupported() {
    ObjectNode frame = example("welcome").put("protocol_version", 7);

    assertThat(rejected(codec.decode(frame.toString())).code()).isEqualTo(ErrorCode.UNSUPPORTED_PROTOCOL_VERSION);
  }

  @Test
  void aFilterAcceptsOnlyEventsThatCarryTheFilteredAttributeWithTheSameValue() {
    SubscriptionFilter byCompetition = RealtimeSamples.competitionFilter();

    assertThat(byCompetition.accepts(RealtimeSamples.payload(EventType.JOB_CREATED))).isTrue();
    assertThat(byCompetition.accepts(RealtimeSamples.payload(EventType.EVALUATION_COMPLETED))).isTrue();
    assertThat(byCompetition.accepts(RealtimeSamples.payload(EventType.STATS_UPDATED))).isFalse();
    assertThat(byCompetition.accepts(RealtimeSamples.payload(EventType.VALIDATOR_CONNECTED))).isFalse();
    assertThat(
            new SubscriptionFilter(Optional.of(COMPETITION + "0"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())
                .accepts(RealtimeSamples.payload(EventType.JOB_CREATED)))
        .isFalse();
  }

  @Test
  void theEmptyFilterAcceptsEveryEvent() {
    for (EventType type : EventType.values()) {
      assertThat(SubscriptionFilter.NONE.accepts(RealtimeSamples.payload(type))).as(type.wireName()).isTrue();
    }
  }

  @Test
  void aFilterByJobMatchesJobEventsOnly() {
    SubscriptionFilter byJob =
        new SubscriptionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(RealtimeSamples.JOB_ID), Optional.empty());

    assertThat(byJob.accepts(RealtimeSamples.payload(EventType.EPISODE_STEP))).isTrue();
    assertThat(byJob.accepts(RealtimeSamples.payload(EventType.SUBMISSION_RECEIVED))).isFalse();
  }
}
