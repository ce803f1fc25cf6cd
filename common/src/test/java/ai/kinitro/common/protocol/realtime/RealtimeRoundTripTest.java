package ai.kinitro.common.protocol.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ProtocolCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RealtimeRoundTripTest {
  private final ProtocolCodec<RealtimeMessage> codec = RealtimeProtocol.codecBuilder().build();

  @ParameterizedTest
  @EnumSource(RealtimeMessageType.class)
  void everyMessageSurvivesEncodeThenDecodeUnchanged(RealtimeMessageType type) {
    RealtimeMessage sample = RealtimeSamples.of(type);

    assertThat(codec.decode(codec.encode(sample))).isEqualTo(new DecodeResult.Decoded<>(sample));
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyEventTypeSurvivesEncodeThenDecodeUnchanged(EventType type) {
    Event sample = RealtimeSamples.event(type, 7);

    assertThat(codec.decode(codec.encode(sample))).isEqualTo(new DecodeResult.Decoded<>(sample));
  }
}
