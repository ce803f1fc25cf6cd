package ai.kinitro.validator.relay;

import ai.kinitro.common.error.ErrorCategory;
import ai.kinitro.common.error.ErrorCode;
import java.util.Optional;
import java.util.Set;

/**
 * What to do with a relayed message the backend answered with an {@code error} (protocol §2.2
 * rule 4), decided by the error code once, here:
 *
 * <ul>
 *   <li>the backend could not read the frame (MALFORMED_MESSAGE, UNKNOWN_MESSAGE_TYPE,
 *       UNSUPPORTED_PROTOCOL_VERSION, MESSAGE_TOO_LARGE, UNEXPECTED_MESSAGE): hold it until the
 *       next reconnection (a new backend version may read it); park it once it was sent {@code
 *       maxRefusedAttempts} times, so a bug cannot loop forever;
 *   <li>any other USER code (JOB_NOT_ASSIGNED, MESSAGE_ID_REUSED, CONFLICT, …): resending the
 *       same message cannot help, so park it;
 *   <li>RESOURCES, INTERNAL, EXTERNAL, or a code this validator does not know: the backend is
 *       busy or broken, so retry later with backoff.
 * </ul>
 */
public final class RefusalPolicy {
  /** The action. */
  public enum Action { HOLD_UNTIL_RECONNECT, PARK, RETRY_LATER }

  private static final Set<ErrorCode> UNREADABLE = Set.of(
      ErrorCode.MALFORMED_MESSAGE, ErrorCode.UNKNOWN_MESSAGE_TYPE, ErrorCode.UNSUPPORTED_PROTOCOL_VERSION,
      ErrorCode.MESSAGE_TOO_LARGE, ErrorCode.UNEXPECTED_MESSAGE);

  private final int maxRefusedAttempts;

  public RefusalPolicy(int maxRefusedAttempts) {
    this.maxRefusedAttempts = maxRefusedAttempts;
  }

  /** The action for an error with number {@code code} answering the {@code attempt}-th send. */
  public Action decide(int code, int attempt) {
    Optional<ErrorCode> known = ErrorCode.fromNumber(code);
    if (known.isEmpty()) {
      return Action.RETRY_LATER;
    }
    if (UNREADABLE.contains(known.get())) {
      return attempt >= maxRefusedAttempts ? Action.PARK : Action.HOLD_UNTIL_RECONNECT;
    }
    return known.get().category() == ErrorCategory.USER ? Action.PARK : Action.RETRY_LATER;
  }
}
