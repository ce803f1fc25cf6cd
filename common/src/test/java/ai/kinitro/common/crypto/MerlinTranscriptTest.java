package ai.kinitro.common.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MerlinTranscriptTest {
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] utf8(String s) {
    return s.getBytes(UTF_8);
  }

  @Test
  void simpleTestProtocolTranscriptMatchesTheReferenceChallenge() {
    MerlinTranscript transcript = new MerlinTranscript("test protocol");
    transcript.appendMessage("some label", utf8("some data"));

    assertThat(HEX.formatHex(transcript.challengeBytes("challenge", 32)))
        .isEqualTo("d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615");
  }

  @Test
  void complexTranscriptWithLargeMessagesMatchesTheGtankVector() {
    // gtank/merlin TestComplexTranscript: 32 rounds of challenge, 1024 bytes of 99, echo challenge.
    MerlinTranscript transcript = new MerlinTranscript("test protocol");
    transcript.appendMessage("step1", utf8("some data"));
    byte[] data = new byte[1024];
    Arrays.fill(data, (byte) 99);
    byte[] challenge = null;
    for (int i = 0; i < 32; i++) {
      challenge = transcript.challengeBytes("challenge", 32);
      transcript.appendMessage("bigdata", data);
      transcript.appendMessage("challengedata", challenge);
    }

    assertThat(HEX.formatHex(challenge))
        .isEqualTo("a8c933f54fae76e3f9bea93648c1308e7dfa2152dd51674ff3ca438351cf003c");
  }

  @Test
  void aCopyEvolvesIndependentlyOfItsOriginal() {
    MerlinTranscript original = new MerlinTranscript("test protocol");
    MerlinTranscript copy = original.copy();
    copy.appendMessage("some label", utf8("some data"));
    original.appendMessage("some label", utf8("other data"));

    MerlinTranscript reference = new MerlinTranscript("test protocol");
    reference.appendMessage("some label", utf8("some data"));
    assertThat(copy.challengeBytes("challenge", 32)).isEqualTo(reference.challengeBytes("challenge", 32));
    assertThat(original.challengeBytes("challenge", 32))
        .isNotEqualTo(new MerlinTranscript("test protocol")
            .appendMessage("some label", utf8("some data"))
            .challengeBytes("challenge", 32));
  }

  @Test
  void witnessBytesLeaveTheTranscriptUnchanged() {
    MerlinTranscript transcript = new MerlinTranscript("test protocol");
    transcript.appendMessage("some label", utf8("some data"));
    transcript.witnessBytes("signing", 64, new Random(1), new byte[32]);

    assertThat(HEX.formatHex(transcript.challengeBytes("challenge", 32)))
        .isEqualTo("d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615");
  }

  @Test
  void witnessBytesDependOnTheRandomnessAndOnTheSecretWitness() {
    MerlinTranscript transcript = new MerlinTranscript("test protocol");
    byte[] secret = new byte[32];
    byte[] first = transcript.witnessBytes("signing", 64, new Random(1), secret);
    byte[] sameSeed = transcript.witnessBytes("signing", 64, new Random(1), secret);
    byte[] otherSeed = transcript.witnessBytes("signing", 64, new Random(2), secret);
    byte[] otherSecret = transcript.witnessBytes("signing", 64, new Random(1), new byte[] {1});

    assertThat(first).hasSize(64).isEqualTo(sameSeed);
    assertThat(otherSeed).isNotEqualTo(first);
    assertThat(otherSecret).isNotEqualTo(first);
  }
}
