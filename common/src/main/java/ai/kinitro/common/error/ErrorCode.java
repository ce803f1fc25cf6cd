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

  // backend REST and admin API (1500-1549)
  INVALID_REQUEST_BODY(1500, USER, "The request body is not valid JSON or does not match the expected shape"),
  VALUE_TOO_LONG(1501, USER, "A text field is longer than allowed"),
  INVALID_PAGINATION(1502, USER, "limit must be between 1 and 1000 and offset must not be negative"),
  INVALID_BENCHMARK_SPEC(1503, USER, "A competition benchmark definition is incomplete or inconsistent"),
  UNKNOWN_ENVIRONMENT(1504, USER, "A benchmark names an environment that is not in the registry"),
  DUPLICATE_COMPETITION_NAME(1505, USER, "Another competition already has this name"),
  CANDIDATE_ALREADY_REVIEWED(1506, USER, "The leader candidate was already reviewed"),
  CANDIDATE_NOT_APPROVED(1507, USER, "Only an approved leader candidate can be unapproved"),
  WIN_MARGIN_NOT_MET(1508, USER, "The candidate no longer beats the current leader by the competition's margin"),
  NO_WEIGHTS_YET(1509, USER, "No weights snapshot has been computed yet"),
  NOTHING_TO_RERUN(1510, USER, "No benchmark of the competition matches the rerun request"),
  COMPETITION_INACTIVE(1511, USER, "The competition is not active"),
  CANDIDATE_BELOW_THRESHOLDS(1512, USER, "The candidate does not meet the competition's eligibility thresholds"),

  // backend: uploads, commitments, vault, validator channel (1550-1599)
  HOTKEY_NOT_REGISTERED(1550, USER, "The hotkey is not registered on the subnet"),
  COMPETITION_NOT_FOUND(1551, USER, "No competition has this id"),
  COMPETITION_NOT_ACCEPTING(1552, USER, "The competition does not accept submissions at this time"),
  ARTIFACT_TOO_LARGE(1553, USER, "The archive is larger than the competition allows"),
  VERSION_ALREADY_SUBMITTED(1554, USER, "This hotkey already has an upload or submission with this version"),
  UPLOAD_NOT_FOUND(1555, USER, "No upload has this submission id"),
  UPLOAD_EXPIRED(1556, USER, "The upload expired before it was committed"),
  ARTIFACT_MISSING(1557, USER, "The archive was never stored in the vault"),
  ARTIFACT_SIZE_MISMATCH(1558, USER, "The stored archive's size differs from the declared size"),
  ARTIFACT_HASH_MISMATCH(1559, USER, "The stored archive's SHA-256 differs from the declared hash"),
  COMMITMENT_MALFORMED(1560, USER, "The on-chain commitment is not a Kinitro submission commitment"),
  COMMITMENT_MISMATCH(1561, USER, "The commitment names an upload of another hotkey or competition"),
  VALIDATOR_PERMIT_REQUIRED(1562, USER, "The hotkey holds no validator permit on the subnet"),
  API_KEY_HOTKEY_MISMATCH(1563, USER, "The API key is bound to another hotkey"),
  CHALLENGE_EXPIRED(1564, USER, "The authentication challenge expired before the answer arrived"),

  // --- INTERNAL: our bug or broken state -----------------------------------------------------
  INTERNAL_ERROR(2000, INTERNAL, "Unexpected internal error"),
  ENCODING_FAILED(2001, INTERNAL, "A value could not be encoded"),

  // crypto (2002-2004)
  CRYPTO_RESOURCE_CORRUPT(2002, INTERNAL, "A bundled cryptographic resource (such as the BIP-39 word list) is missing or corrupt"),

  // backend (2200-2209)
  INVALID_CONFIGURATION(2200, INTERNAL, "The backend configuration is invalid"),
  STORED_DATA_CORRUPT(2201, INTERNAL, "A stored row does not have the shape the backend expects"),

  // backend delivery and ingestion (2210-2219)
  DELIVERY_DEADLINE_PASSED(2210, INTERNAL, "The validator did not finish the job before its deadline; the job is retried"),

  // --- EXTERNAL: a system we depend on failed --------------------------------------------------
  EXTERNAL_UNAVAILABLE(3000, EXTERNAL, "A required external service is unavailable"),
  EXTERNAL_PROTOCOL_ERROR(3001, EXTERNAL, "An external service answered something we cannot understand"),
  CHAIN_DATA_TRUNCATED(3002, EXTERNAL, "Bytes from the chain ended before the expected value was complete"),
  CHAIN_DATA_MALFORMED(3003, EXTERNAL, "Bytes from the chain are not a valid encoding of the expected type"),

  // backend (3300-3319)
  DATABASE_UNAVAILABLE(3300, EXTERNAL, "The database cannot be reached"),

  // backend: vault and chain reads (3320-3349)
  VAULT_UNAVAILABLE(3320, EXTERNAL, "The vault (S3) could not be reached or refused the operation"),
  CHAIN_READ_FAILED(3321, EXTERNAL, "The chain could not be read"),

  // --- RESOURCES: a limit was reached -----------------------------------------------------------
  RATE_LIMITED(4000, RESOURCES, "Too many requests; retry later"),
  TIMEOUT(4001, RESOURCES, "The operation did not finish in time"),
  CAPACITY_EXHAUSTED(4002, RESOURCES, "No capacity is left to take the work now"),

  // backend (4310-4319)
  UPLOAD_RATE_LIMITED(4310, RESOURCES, "Too many uploads by this hotkey for this competition in the window"),
  SUBSCRIBER_TOO_SLOW(4311, RESOURCES, "The realtime subscriber fell too far behind and was dropped");

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
