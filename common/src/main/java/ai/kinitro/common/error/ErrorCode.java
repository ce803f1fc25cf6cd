package ai.kinitro.common.error;

import static ai.kinitro.common.error.ErrorCategory.EXTERNAL;
import static ai.kinitro.common.error.ErrorCategory.INTERNAL;
import static ai.kinitro.common.error.ErrorCategory.RESOURCES;
import static ai.kinitro.common.error.ErrorCategory.USER;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every error Kinitro reports, with a number that never changes once released.
 *
 * <p>Numbers are grouped by category: 1xxx user, 2xxx internal, 3xxx external, 4xxx resources.
 * Inside a block, 1000-1099 is generic, then one hundred per subsystem. Never renumber or reuse a
 * code: clients (miners' scripts, validators, the desktop app) match on them. {@code
 * ErrorCodeTest} pins the whole table.
 */
public enum ErrorCode {
  // --- USER: the caller sent something we refuse -------------------------------------------
  INVALID_ARGUMENT(1000, USER, "A field is missing or out of range"),
  NOT_FOUND(1001, USER, "The requested object does not exist"),
  ALREADY_EXISTS(1002, USER, "An object with the same identity already exists"),
  CONFLICT(1003, USER, "The object is not in a state that allows this operation"),
  UNAUTHENTICATED(1004, USER, "Credentials are missing or invalid"),
  PERMISSION_DENIED(1005, USER, "The credentials do not allow this operation"),

  // protocol (1100)
  MALFORMED_MESSAGE(1100, USER, "The frame is not valid JSON or does not match the message schema"),
  UNKNOWN_MESSAGE_TYPE(1101, USER, "The frame names a message type this peer does not know"),
  UNSUPPORTED_PROTOCOL_VERSION(1102, USER, "The peer speaks a protocol version we do not support"),
  MESSAGE_TOO_LARGE(1103, USER, "The frame is larger than the allowed maximum"),
  UNEXPECTED_MESSAGE(1104, USER, "The message is not allowed in the current state of the session"),

  // keys, signatures and signed requests (1200)
  BAD_SIGNATURE(1200, USER, "The signature does not verify against the claimed key"),
  STALE_TIMESTAMP(1201, USER, "The signed timestamp is outside the allowed window"),
  NONCE_REUSED(1202, USER, "The single-use nonce was already used"),
  INVALID_KEY(1203, USER, "The key, address, mnemonic or derivation path is malformed"),
  WRONG_PASSWORD(1204, USER, "The password does not decrypt the wallet file"),
  UNSUPPORTED_WALLET_FORMAT(1205, USER, "The wallet file is in a format we cannot read"),
  BAD_DOMAIN(1206, USER, "The signed request was made for another purpose or audience"),

  // manipulation environments (1320-1339)
  INVALID_ACTION(1320, USER, "The action does not have the shape, type or finite values the environment expects"),
  NO_EPISODE_IN_PROGRESS(1321, USER, "The environment has no running episode: reset it first"),
  UNKNOWN_CAMERA(1322, USER, "The environment has no camera with that name"),
  INVALID_RENDER_SIZE(1323, USER, "The requested image size is outside the supported range"),
  INVALID_INITIAL_STATE(1324, USER, "The initial state vector does not belong to this environment"),
  ENVIRONMENT_CLOSED(1325, USER, "The environment was closed and cannot be used any more"),

  // --- INTERNAL: our bug or broken state -----------------------------------------------------
  INTERNAL_ERROR(2000, INTERNAL, "Unexpected internal error"),
  ENCODING_FAILED(2001, INTERNAL, "A value could not be encoded"),

  // --- EXTERNAL: a system we depend on failed --------------------------------------------------
  EXTERNAL_UNAVAILABLE(3000, EXTERNAL, "A required external service is unavailable"),
  EXTERNAL_PROTOCOL_ERROR(3001, EXTERNAL, "An external service answered something we cannot understand"),

  // --- RESOURCES: a limit was reached -----------------------------------------------------------
  RATE_LIMITED(4000, RESOURCES, "Too many requests; retry later"),
  TIMEOUT(4001, RESOURCES, "The operation did not finish in time"),
  CAPACITY_EXHAUSTED(4002, RESOURCES, "No capacity is left to take the work now");

  private static final Map<Integer, ErrorCode> BY_NUMBER =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ErrorCode::number, Function.identity()));

  private final int number;
  private final ErrorCategory category;
  private final String summary;

  ErrorCode(int number, ErrorCategory category, String summary) {
    this.number = number;
    this.category = category;
    this.summary = summary;
  }

  /** The stable number clients match on. */
  public int number() {
    return number;
  }

  public ErrorCategory category() {
    return category;
  }

  /** A one-line, human-readable description of the code (not of one occurrence). */
  public String summary() {
    return summary;
  }

  /** The code with this number, if it exists (a newer peer may send codes we do not know). */
  public static Optional<ErrorCode> fromNumber(int number) {
    return Optional.ofNullable(BY_NUMBER.get(number));
  }
}
