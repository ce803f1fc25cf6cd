package ai.kinitro.common.protocol.validator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ProtocolCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ValidatorRoundTripTest {
  private final ProtocolCodec<ValidatorMessage> codec = ValidatorProtocol.codecBuilder().build();

  @ParameterizedTest
  @EnumSource(ValidatorMessageType.class)
  void everyMessageSurvivesEncodeThenDecodeUnchanged(ValidatorMessageType type) {
    ValidatorMessage sample = ValidatorSamples.of(type);
    String json = codec.encode(sample);

    assertThat(codec.decode(json)).isEqualTo(new DecodeResult.Decoded<>(sample));
  }
}
