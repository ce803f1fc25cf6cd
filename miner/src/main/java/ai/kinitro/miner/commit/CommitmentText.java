package ai.kinitro.miner.commit;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.regex.Pattern;

/**
 * The text a miner commits: {@code k1:<competition id>:<submission id>} (docs/protocol.md, "Chain
 * commitment"), one Raw field of at most 128 bytes. The backend returns it with every granted
 * upload; {@link #of} rebuilds it for {@code commit --submission-id}.
 */
public final class CommitmentText {
  public static final int MAX_BYTES = 128;
  private static final Pattern FORMAT = Pattern.compile("k1:[A-Za-z0-9_.-]{1,64}:[1-9][0-9]{0,18}");

  private CommitmentText() {}

  /** The commitment for a submission of a competition. */
  public static String of(String competitionId, String submissionId) {
    return require("k1:" + competitionId + ":" + submissionId);
  }

  /** {@code text} if it is a valid Kinitro commitment, else {@code INVALID_ARGUMENT}. */
  public static String require(String text) {
    if (text == null || !FORMAT.matcher(text).matches() || text.getBytes(UTF_8).length > MAX_BYTES) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "'" + text + "' is not a Kinitro commitment "
          + "(k1:<competition id>:<submission id>, a positive decimal submission id)");
    }
    try {
      Long.parseLong(text.substring(text.lastIndexOf(':') + 1));
    } catch (NumberFormatException e) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "the submission id in '" + text + "' does not fit 64 bits");
    }
    return text;
  }
}
