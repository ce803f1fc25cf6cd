package ai.kinitro.common.protocol.validator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ExampleFiles;
import ai.kinitro.common.protocol.ProtocolCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The example of each message in docs/protocol.md is exactly the encoding of its sample. */
class ValidatorExamplesTest {
  private final ProtocolCodec<ValidatorMessage> codec = ValidatorProtocol.codecBuilder().build();

  @ParameterizedTest
  @EnumSource(ValidatorMessageType.class)
  void theDocumentedExampleIsTheEncodedSampleAndDecodesBackToIt(ValidatorMessageType type) {
    ValidatorMessage sample = ValidatorSamples.of(type);
    String name = "validator/" + type.wireName();
    String encoded = codec.encodePretty(sample) + "\n";
    if (ExampleFiles.updating()) {
      ExampleFiles.write(name, encoded);
    }
    String example = ExampleFiles.updating() ? ExampleFiles.readSource(name) : ExampleFiles.read(name);

    assertThat(example).isEqualTo(encoded);
    assertThat(codec.decode(example)).isEqualTo(new DecodeResult.Decoded<>(sample));
  }
}
