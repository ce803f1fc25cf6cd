package ai.kinitro.common.protocol.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ExampleFiles;
import ai.kinitro.common.protocol.ProtocolCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The example of each message and event in docs/protocol.md is exactly the encoding of its sample. */
class RealtimeExamplesTest {
  private final ProtocolCodec<RealtimeMessage> codec = RealtimeProtocol.codecBuilder().build();

  @ParameterizedTest
  @EnumSource(RealtimeMessageType.class)
  void theDocumentedMessageExampleIsTheEncodedSampleAndDecodesBackToIt(RealtimeMessageType type) {
    check("realtime/" + type.wireName(), RealtimeSamples.of(type));
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void theDocumentedEventExampleIsTheEncodedSampleAndDecodesBackToIt(EventType type) {
    check("realtime/events/" + type.wireName(), RealtimeSamples.event(type, 1));
  }

  private void check(String name, RealtimeMessage sample) {
    String encoded = codec.encodePretty(sample) + "\n";
    if (ExampleFiles.updating()) {
      ExampleFiles.write(name, encoded);
    }
    String example = ExampleFiles.updating() ? ExampleFiles.readSource(name) : ExampleFiles.read(name);

    assertThat(example).isEqualTo(encoded);
    assertThat(codec.decode(example)).isEqualTo(new DecodeResult.Decoded<>(sample));
  }
}
