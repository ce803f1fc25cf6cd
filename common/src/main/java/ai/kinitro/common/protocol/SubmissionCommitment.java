package ai.kinitro.common.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The on-chain commitment a miner sets after uploading: one {@code Raw} field (at most 128 bytes)
 * holding the ASCII text {@code k1:<competition id>:<submission id>}.
 *
 * <ul>
 *   <li>{@code k1} is the format tag (Kinitro commitment, version 1);
 *   <li>the competition id is 1-64 characters from {@code [A-Za-z0-9_.-]} (no colon);
 *   <li>the submission id is the positive 64-bit id returned by {@code request-upload}, in decimal
 *       without sign or leading zeros.
 * </ul>
 *
 * <p>The longest commitment is 87 bytes. The hash and size are not on chain: the backend recorded
 * them with the upload and verifies the stored object against them.
 *
 * @param competitionId the competition
 * @param submissionId the upload's submission id
 */
public record SubmissionCommitment(String competitionId, long submissionId) {
  public static final String TAG = "k1";
  public static final int MAX_BYTES = 128;
  private static final Pattern FORMAT = Pattern.compile("k1:([A-Za-z0-9_.-]{1,64}):([1-9][0-9]{0,18})");
  private static final Pattern COMPETITION = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public SubmissionCommitment {
    if (competitionId == null || !COMPETITION.matcher(competitionId).matches()) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
          "a competition id in a commitment must be 1-64 characters from [A-Za-z0-9_.-]");
    }
    if (submissionId <= 0) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "a submission id must be positive, got " + submissionId);
    }
  }

  /** The text committed on chain. */
  public String text() {
    return TAG + ":" + competitionId + ":" + submissionId;
  }

  /** The bytes of the Raw field. */
  public byte[] bytes() {
    return text().getBytes(UTF_8);
  }

  /**
   * Parses a Raw field's bytes; anything else than exactly the format is {@link
   * ErrorCode#COMMITMENT_MALFORMED} (other subnets' tools and old v1 JSON commitments included).
   */
  public static SubmissionCommitment parse(byte[] raw) {
    if (raw == null || raw.length == 0 || raw.length > MAX_BYTES) {
      throw malformed("a Kinitro commitment is 1 to " + MAX_BYTES + " bytes");
    }
    for (byte b : raw) {
      if (b < 0x21 || b > 0x7e) {
        throw malformed("a Kinitro commitment is printable ASCII without spaces");
      }
    }
    String text = new String(raw, UTF_8);
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
      throw malformed("'" + shown + "' is not k1:<competition id>:<submission id>");
    }
    try {
      return new SubmissionCommitment(m.group(1), Long.parseLong(m.group(2)));
    } catch (NumberFormatException e) {
      throw malformed("the submission id does not fit 64 bits");
    }
  }

  private static KinitroException malformed(String message) {
    return new KinitroException(ErrorCode.COMMITMENT_MALFORMED, message);
  }
}
