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
  JOB_NOT_ASSIGNED(1105, USER, "The job was not assigned to this validator"),
  MESSAGE_ID_REUSED(1106, USER, "A message id was reused for a different message"),

  // chain values we are asked to encode (1120)
  CHAIN_VALUE_OUT_OF_RANGE(1120, USER, "A value does not fit the chain type it must be encoded as"),
  COMMITMENT_TOO_LARGE(1121, USER, "The commitment has too many fields or a field longer than the chain allows"),
  WEIGHTS_LENGTH_MISMATCH(1122, USER, "The uid and weight lists have different lengths"),

  // keys, signatures and signed requests (1200)
  BAD_SIGNATURE(1200, USER, "The signature does not verify against the claimed key"),
  STALE_TIMESTAMP(1201, USER, "The signed timestamp is outside the allowed window"),
  NONCE_REUSED(1202, USER, "The single-use nonce was already used"),
  INVALID_KEY(1203, USER, "The key, address, mnemonic or derivation path is malformed"),
  WRONG_PASSWORD(1204, USER, "The password does not decrypt the wallet file"),
  UNSUPPORTED_WALLET_FORMAT(1205, USER, "The wallet file is in a format we cannot read"),
  BAD_DOMAIN(1206, USER, "The signed request was made for another purpose or audience"),

  // wallets and signed requests, continued (1220)
  MALFORMED_SIGNED_REQUEST(1220, USER, "A signed-request header is missing or malformed"),
  // environments (1300)
  INVALID_ACTION(1300, USER, "The action is not an element of the environment's action space"),
  EPISODE_NOT_RUNNING(1301, USER, "step was called before reset or after the episode ended"),
  INVALID_INITIAL_STATE(1302, USER, "The initial state has the wrong length or a non-finite value"),
  UNKNOWN_CAMERA(1303, USER, "The environment has no camera with this name"),
  INVALID_IMAGE_SIZE(1304, USER, "The requested image size is outside the supported range"),
  ENVIRONMENT_CLOSED(1305, USER, "The environment was closed and cannot be used any more"),

  // local platform: ./kinitro up, down, status (1700)
  PLATFORM_PORT_IN_USE(1700, USER, "A port the local platform needs is already in use"),
  PLATFORM_ALREADY_RUNNING(1701, USER, "The local platform already runs from this state directory"),
  PLATFORM_NOT_BUILT(1702, USER, "A part of the local platform has not been built"),
  PLATFORM_STATE_UNREADABLE(1703, USER, "The local platform's state directory or state file cannot be read or written"),

  // --- INTERNAL: our bug or broken state -----------------------------------------------------
  INTERNAL_ERROR(2000, INTERNAL, "Unexpected internal error"),
  ENCODING_FAILED(2001, INTERNAL, "A value could not be encoded"),

  // crypto (2002-2004)
  CRYPTO_RESOURCE_CORRUPT(2002, INTERNAL, "A bundled cryptographic resource (such as the BIP-39 word list) is missing or corrupt"),

  // --- EXTERNAL: a system we depend on failed --------------------------------------------------
  EXTERNAL_UNAVAILABLE(3000, EXTERNAL, "A required external service is unavailable"),
  EXTERNAL_PROTOCOL_ERROR(3001, EXTERNAL, "An external service answered something we cannot understand"),
  CHAIN_DATA_TRUNCATED(3002, EXTERNAL, "Bytes from the chain ended before the expected value was complete"),
  CHAIN_DATA_MALFORMED(3003, EXTERNAL, "Bytes from the chain are not a valid encoding of the expected type"),

  // local platform services (3500)
  SERVICE_START_FAILED(3500, EXTERNAL, "A platform service could not be started or exited while starting"),
  SERVICE_EXITED(3501, EXTERNAL, "A platform service exited unexpectedly"),
  ADMIN_API_FAILED(3502, EXTERNAL, "The backend's admin API refused or failed a request"),

  // --- RESOURCES: a limit was reached -----------------------------------------------------------
  RATE_LIMITED(4000, RESOURCES, "Too many requests; retry later"),
  TIMEOUT(4001, RESOURCES, "The operation did not finish in time"),
  CAPACITY_EXHAUSTED(4002, RESOURCES, "No capacity is left to take the work now"),

  // local platform services (4500)
  SERVICE_HEALTH_TIMEOUT(4500, RESOURCES, "A platform service did not become healthy in time"),
  PLATFORM_STOP_TIMEOUT(4501, RESOURCES, "The local platform did not stop in time");

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
