package ai.kinitro.common.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionCommitmentTest {
  @Test
  void writesTheTagTheCompetitionAndTheSubmissionIdSeparatedByColons() {
    assertThat(new SubmissionCommitment("7312840000000000001", 7312848011234567890L).text())
        .isEqualTo("k1:7312840000000000001:7312848011234567890");
  }

  @Test
  void parsesWhatItWrites() {
    SubmissionCommitment commitment = new SubmissionCommitment("mt10-2026", 42);
    assertThat(SubmissionCommitment.parse(commitment.bytes())).isEqualTo(commitment);
  }

  @Test
  void theLongestCommitmentFitsARawField() {
    SubmissionCommitment longest = new SubmissionCommitment("c".repeat(64), Long.MAX_VALUE);
    assertThat(longest.bytes().length).isEqualTo(87).isLessThanOrEqualTo(SubmissionCommitment.MAX_BYTES);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"provider\":\"S3\",\"comp_id\":\"c1\",\"repo_id\":\"5\"}", "k2:c1:5", "k1:c1:0", "k1:c1:05", "k1::5",
      "k1:c1:5:extra", "k1:c 1:5", "k1:c1:99999999999999999999", "k1:c1:-5", "k1:c1"})
  void refusesAnythingElseAsMalformed(String text) {
    assertThatThrownBy(() -> SubmissionCommitment.parse(text.getBytes(UTF_8)))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COMMITMENT_MALFORMED));
  }
}
