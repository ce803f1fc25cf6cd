package ai.kinitro.common.protocol.validator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegisterTest {
  @Test
  void theSignedBytesAreTheDomainTagNonceHotkeyAndEpochMillisOnSeparateLines() {
    byte[] payload =
        Register.signingPayload("q7Xk2R9vLm3Tn8Wp4Yz1Bc6D", ValidatorSamples.VALIDATOR, Instant.parse("2026-03-01T12:00:01.250Z"));

    assertThat(new String(payload, UTF_8))
        .isEqualTo("kinitro-validator-auth/v1\nq7Xk2R9vLm3Tn8Wp4Yz1Bc6D\n5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\n1772366401250");
  }

  @Test
  void aMessageBuiltFromRawSignatureBytesGivesTheSameBytesBack() {
    byte[] signature = new byte[64];
    for (int i = 0; i < 64; i++) {
      signature[i] = (byte) (i * 3);
    }
    Register register = Register.signed(ValidatorSamples.VALIDATOR, "key", "q7Xk2R9vLm3Tn8Wp4Yz1Bc6D", ValidatorSamples.T0, signature);

    assertThat(register.signatureBytes()).isEqualTo(signature);
    assertThat(register.signedPayload())
        .isEqualTo(Register.signingPayload("q7Xk2R9vLm3Tn8Wp4Yz1Bc6D", ValidatorSamples.VALIDATOR, ValidatorSamples.T0));
  }

  @Test
  void theApiKeyNeverAppearsInToString() {
    Register register = (Register) ValidatorSamples.of(ValidatorMessageType.REGISTER);

    assertThat(register.toString()).doesNotContain(register.apiKey()).contains("apiKey=<redacted>");
  }
}
