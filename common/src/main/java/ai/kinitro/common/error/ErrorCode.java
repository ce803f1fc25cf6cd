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

  // validator and durable queue (1600)
  VALIDATOR_CONFIG_INVALID(1600, USER, "A validator setting is missing or invalid"),
  WEIGHTS_SNAPSHOT_STALE(1601, USER, "The weights snapshot is expired or older than the allowed age"),
  WEIGHTS_NOTHING_TO_SET(1602, USER, "No entry of the weights snapshot maps to a neuron currently registered"),
  QUEUE_ITEM_REJECTED(1603, USER, "The queue refused the item because a field is missing or out of range"),

  // --- INTERNAL: our bug or broken state -----------------------------------------------------
  INTERNAL_ERROR(2000, INTERNAL, "Unexpected internal error"),
  ENCODING_FAILED(2001, INTERNAL, "A value could not be encoded"),

  // crypto (2002-2004)
  CRYPTO_RESOURCE_CORRUPT(2002, INTERNAL, "A bundled cryptographic resource (such as the BIP-39 word list) is missing or corrupt"),

  // durable queue (2300)
  QUEUE_LEASE_LOST(2300, INTERNAL, "The claim on a queue item was lost (it was reaped or taken over); the write was refused"),
  QUEUE_SCHEMA_FAILED(2301, INTERNAL, "The queue's database schema could not be migrated"),

  // --- EXTERNAL: a system we depend on failed --------------------------------------------------
  EXTERNAL_UNAVAILABLE(3000, EXTERNAL, "A required external service is unavailable"),
  EXTERNAL_PROTOCOL_ERROR(3001, EXTERNAL, "An external service answered something we cannot understand"),
  CHAIN_DATA_TRUNCATED(3002, EXTERNAL, "Bytes from the chain ended before the expected value was complete"),
  CHAIN_DATA_MALFORMED(3003, EXTERNAL, "Bytes from the chain are not a valid encoding of the expected type"),

  // validator: queue database, backend link, chain weights (3400)
  QUEUE_DATABASE_ERROR(3400, EXTERNAL, "The queue database failed or is unreachable"),
  BACKEND_UNREACHABLE(3401, EXTERNAL, "The backend could not be reached or the connection dropped"),
  BACKEND_HANDSHAKE_FAILED(3402, EXTERNAL, "The backend refused the validator's registration"),
  WEIGHTS_REJECTED_BY_CHAIN(3403, EXTERNAL, "The chain refused the weights extrinsic"),
  WEIGHTS_ENDPOINT_FAILED(3404, EXTERNAL, "The backend's weights endpoint failed or answered something unreadable"),

  // --- RESOURCES: a limit was reached -----------------------------------------------------------
  RATE_LIMITED(4000, RESOURCES, "Too many requests; retry later"),
  TIMEOUT(4001, RESOURCES, "The operation did not finish in time"),
  CAPACITY_EXHAUSTED(4002, RESOURCES, "No capacity is left to take the work now"),

  // validator (4400)
  WEIGHTS_RATE_LIMITED(4400, RESOURCES, "The chain's weights rate limit has not elapsed since the last update"),
  TOO_MANY_UNREVEALED_COMMITS(4401, RESOURCES, "The chain holds the maximum number of unrevealed weight commits");

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
