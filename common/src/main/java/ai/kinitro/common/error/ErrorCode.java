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

  // chain transactions the runtime refused because of what was sent (1140)
  CHAIN_HOTKEY_NOT_REGISTERED(1140, USER, "The hotkey is not registered on the subnet"),
  CHAIN_COMMIT_REVEAL_ENABLED(1141, USER, "Commit-reveal is enabled on the subnet, so plain set_weights is refused"),
  CHAIN_COMMIT_REVEAL_DISABLED(1142, USER, "Commit-reveal is disabled on the subnet, so commits and reveals are refused"),
  CHAIN_WEIGHTS_INVALID(1143, USER, "The weights break a subnet rule (duplicates, unknown uids, too few, too large, version key)"),
  CHAIN_NOT_ENOUGH_STAKE(1144, USER, "The hotkey has too little stake for this call"),
  CHAIN_NOT_PERMITTED(1145, USER, "The signer may not make this call (no validator permit, not the owner, bad origin)"),
  CHAIN_SUBNET_NOT_FOUND(1146, USER, "The subnet does not exist"),
  CHAIN_REVEAL_INVALID(1147, USER, "The reveal matches no commit or is outside its reveal window"),
  CHAIN_BAD_SIGNATURE(1148, USER, "The node rejected the transaction's signature"),
  CHAIN_INSUFFICIENT_BALANCE(1149, USER, "The signer cannot pay the transaction fee"),

  // the local dev chain (1160)
  DEVCHAIN_GENESIS_INVALID(1160, USER, "The dev chain genesis file is missing, malformed or inconsistent"),
  DEVCHAIN_CONFIG_INVALID(1161, USER, "A dev chain setting is out of range"),
  DEVCHAIN_DEV_CALL_REJECTED(1162, USER, "A dev_ RPC call of the dev chain was refused"),

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

  // submissions: manifest and archive (1400-1419)
  SUBMISSION_MANIFEST_MISSING(1400, USER, "The submission has no kinitro-agent.json manifest at its root"),
  SUBMISSION_MANIFEST_INVALID(1401, USER, "The submission manifest is not valid JSON or does not match the manifest schema"),
  SUBMISSION_KIND_UNSUPPORTED(1402, USER, "The submission declares an agent kind this evaluator cannot run"),
  ARCHIVE_CHECKSUM_MISMATCH(1403, USER, "The archive's SHA-256 differs from the expected value"),
  ARCHIVE_TOO_LARGE(1404, USER, "The archive or its unpacked content is larger than allowed"),
  ARCHIVE_TOO_MANY_FILES(1405, USER, "The archive holds more entries than allowed"),
  ARCHIVE_ABSOLUTE_PATH(1406, USER, "An archive entry has an absolute path"),
  ARCHIVE_PATH_TRAVERSAL(1407, USER, "An archive entry's path contains '..'"),
  ARCHIVE_LINK_ESCAPES(1408, USER, "An archive symlink or hard link points outside the archive root"),
  ARCHIVE_SPECIAL_FILE(1409, USER, "An archive entry is a device, FIFO or other special file"),
  ARCHIVE_DUPLICATE_ENTRY(1410, USER, "Two archive entries have the same path"),
  ARCHIVE_MALFORMED(1411, USER, "The archive is not a readable tar.gz"),

  // agent faults: counted against the submission (1420-1449)
  AGENT_FAILED_TO_START(1420, USER, "The agent did not start or never answered Ping within the start-up timeout"),
  AGENT_CRASHED(1421, USER, "The agent process exited while it was being evaluated"),
  AGENT_TIMEOUT(1422, USER, "The agent did not answer a call within the per-call timeout"),
  AGENT_MALFORMED_TENSOR(1423, USER, "A tensor's dtype, shape and byte length do not agree"),
  AGENT_INVALID_ACTION(1424, USER, "The agent's action is outside the action space or the batch has the wrong number of actions"),
  AGENT_CALL_FAILED(1425, USER, "The agent answered a call with an error"),
  AGENT_NETWORK_ATTEMPT(1426, USER, "The agent tried to open a network connection, which the sandbox forbids"),
  AGENT_RESOURCE_LIMIT(1427, USER, "The agent was stopped for exceeding its CPU or memory limit"),
  AGENT_WALL_TIME_EXCEEDED(1428, USER, "The agent ran longer than its wall-time limit"),

  // local platform: ./kinitro up, down, status (1700)
  PLATFORM_PORT_IN_USE(1700, USER, "A port the local platform needs is already in use"),
  PLATFORM_ALREADY_RUNNING(1701, USER, "The local platform already runs from this state directory"),
  PLATFORM_NOT_BUILT(1702, USER, "A part of the local platform has not been built"),
  PLATFORM_STATE_UNREADABLE(1703, USER, "The local platform's state directory or state file cannot be read or written"),
  PLATFORM_NOT_RUNNING(1704, USER, "The local platform is not running from this state directory (start it with ./kinitro up)"),
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
  // evaluator: jobs that cannot be run as given (1450-1499)
  JOB_PAYLOAD_INVALID(1450, USER, "The queued evaluation job cannot be read as an eval_job"),
  BENCHMARK_UNSUPPORTED(1451, USER, "The job names an environment provider, environment or camera this evaluator does not have"),
  // a miner's ONNX model as Kinitro's runner reports it (1460-1469), in its output and Act errors;
  // the evaluator classifies them as agent faults (AGENT_FAILED_TO_START, AGENT_CALL_FAILED)
  ONNX_MODEL_INVALID(1460, USER, "The submission's ONNX model cannot be loaded (not a valid model, or an operator onnxruntime does not support)"),
  ONNX_MODEL_SIGNATURE_MISMATCH(1461, USER, "The ONNX model lacks the input or output the manifest names, or they are not float32 tensors"),
  ONNX_OBSERVATION_MISMATCH(1462, USER, "The observation or the model's output does not fit the model or the action space"),
  ONNX_INFERENCE_FAILED(1463, USER, "onnxruntime failed while running the ONNX model"),

  // validator and durable queue (1600)
  VALIDATOR_CONFIG_INVALID(1600, USER, "A validator setting is missing or invalid"),
  WEIGHTS_SNAPSHOT_STALE(1601, USER, "The weights snapshot is expired or older than the allowed age"),
  WEIGHTS_NOTHING_TO_SET(1602, USER, "No entry of the weights snapshot maps to a neuron currently registered"),
  QUEUE_ITEM_REJECTED(1603, USER, "The queue refused the item because a field is missing or out of range"),

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
  UPLOAD_NOT_PENDING(1570, USER, "The upload is no longer pending: its archive was already committed, or it was rejected"),
  UPLOAD_NOT_OWNED(1571, USER, "The upload was requested by another hotkey"),
  UPLOAD_RENEWAL_MISMATCH(1572, USER, "The renewal names another archive (SHA-256 or size) than the pending upload"),

  // miner tooling (1800-1849)
  MINER_CONFIG_INVALID(1800, USER, "The miner configuration (miner.toml or a flag) is missing a setting or has an invalid one"),
  MINER_PROJECT_EXISTS(1801, USER, "The target folder of a new agent project already holds files"),
  MINER_UPLOAD_REFUSED(1802, USER, "The backend refused the upload request"),
  MINER_BENCHMARK_INVALID(1803, USER, "The benchmark to evaluate locally cannot be read or cannot run on this machine"),

  // desktop app (1900-1949)
  DESKTOP_API_KEY_REQUIRED(1900, USER, "This page needs an API key on the selected connection profile"),
  DESKTOP_STEP_NOT_READY(1901, USER, "A wizard step was started before the steps it needs have finished"),
  DESKTOP_FORM_INVALID(1902, USER, "A form field is missing or has an invalid value"),

  // --- INTERNAL: our bug or broken state -----------------------------------------------------
  INTERNAL_ERROR(2000, INTERNAL, "Unexpected internal error"),
  ENCODING_FAILED(2001, INTERNAL, "A value could not be encoded"),

  // crypto (2002-2004)
  CRYPTO_RESOURCE_CORRUPT(2002, INTERNAL, "A bundled cryptographic resource (such as the BIP-39 word list) is missing or corrupt"),

  // agent runtimes and rollouts (2100-2119)
  AGENT_RUNTIME_FAILED(2100, INTERNAL, "The evaluator could not prepare or launch the agent process"),
  ENVIRONMENT_FAILED(2101, INTERNAL, "The simulated environment failed during an episode"),

  // backend (2200-2209)
  INVALID_CONFIGURATION(2200, INTERNAL, "The backend configuration is invalid"),
  STORED_DATA_CORRUPT(2201, INTERNAL, "A stored row does not have the shape the backend expects"),
  // evaluator (2120-2139)
  EVALUATOR_SHUTTING_DOWN(2120, INTERNAL, "The evaluator stopped while the job was running; the job goes back to the queue"),
  EVALUATION_FAILED(2121, INTERNAL, "The evaluation stopped on an unexpected error in the evaluator"),
  // durable queue (2300)
  QUEUE_LEASE_LOST(2300, INTERNAL, "The claim on a queue item was lost (it was reaped or taken over); the write was refused"),
  QUEUE_SCHEMA_FAILED(2301, INTERNAL, "The queue's database schema could not be migrated"),

  // backend delivery and ingestion (2210-2219)
  DELIVERY_DEADLINE_PASSED(2210, INTERNAL, "The validator did not finish the job before its deadline; the job is retried"),

  // miner tooling (2500-2509)
  MINER_OUTPUT_FAILED(2500, INTERNAL, "The miner tool could not write its output files"),

  // Kinitro's ONNX runner (2700-2749): the evaluator cannot start it (a platform fault, retried).
  ONNX_RUNNER_UNAVAILABLE(2704, INTERNAL, "The evaluator cannot start its ONNX runner (no Java runtime or class path for it)"),

  // --- EXTERNAL: a system we depend on failed --------------------------------------------------
  EXTERNAL_UNAVAILABLE(3000, EXTERNAL, "A required external service is unavailable"),
  EXTERNAL_PROTOCOL_ERROR(3001, EXTERNAL, "An external service answered something we cannot understand"),
  CHAIN_DATA_TRUNCATED(3002, EXTERNAL, "Bytes from the chain ended before the expected value was complete"),
  CHAIN_DATA_MALFORMED(3003, EXTERNAL, "Bytes from the chain are not a valid encoding of the expected type"),

  // chain node access (3100)
  CHAIN_UNREACHABLE(3100, EXTERNAL, "The chain node cannot be reached"),
  CHAIN_CONNECTION_LOST(3101, EXTERNAL, "The connection to the chain node dropped before the answer arrived"),
  CHAIN_RPC_ERROR(3102, EXTERNAL, "The chain node answered with a JSON-RPC error"),
  CHAIN_REQUEST_TIMEOUT(3103, EXTERNAL, "The chain node did not answer in time"),
  CHAIN_TRANSACTION_REJECTED(3104, EXTERNAL, "The node's transaction pool rejected the transaction"),
  CHAIN_TRANSACTION_OUTDATED(3105, EXTERNAL, "The transaction's nonce or era is no longer valid; rebuild and resubmit it"),
  CHAIN_TRANSACTION_DROPPED(3106, EXTERNAL, "The transaction left the pool without being finalized (dropped, usurped, invalid)"),
  CHAIN_DISPATCH_FAILED(3107, EXTERNAL, "The transaction was included but its call failed"),
  CHAIN_UNSUPPORTED_RUNTIME(3108, EXTERNAL, "The node's runtime lacks something this client needs or uses a format it does not know"),
  CHAIN_REPLAY_UNMATCHED(3109, EXTERNAL, "A replayed chain request has no stored answer"),

  // agent sandbox (3200-3219)
  SANDBOX_FAILED(3200, EXTERNAL, "The sandbox tool (bubblewrap) could not set up the agent's sandbox on this host"),

  // backend (3300-3319)
  DATABASE_UNAVAILABLE(3300, EXTERNAL, "The database cannot be reached"),
  // evaluator: artifact store, Kubernetes, frame store (3220-3249)
  ARTIFACT_UNAVAILABLE(3220, EXTERNAL, "The submission archive could not be downloaded (network error or server error)"),
  ARTIFACT_URL_REJECTED(3221, EXTERNAL, "The artifact store refused the presigned URL (expired, forbidden or not found)"),
  ARTIFACT_DIGEST_MISMATCH(3222, EXTERNAL, "The downloaded archive's size or SHA-256 differs from the job's"),
  KUBERNETES_API_FAILED(3223, EXTERNAL, "The Kubernetes API refused or failed a request of the evaluator"),
  AGENT_POD_UNSCHEDULABLE(3224, EXTERNAL, "The cluster has no node that can take the agent pod now"),
  AGENT_POD_SETUP_FAILED(3225, EXTERNAL, "The agent pod failed before the agent ran (image pull, init container, eviction)"),
  FRAME_UPLOAD_FAILED(3226, EXTERNAL, "A camera frame could not be stored in the validator's bucket"),
  LOG_BUNDLE_UPLOAD_FAILED(3227, EXTERNAL, "A job's log bundle could not be stored in the validator's bucket"),
  // validator: queue database, backend link, chain weights (3400)
  QUEUE_DATABASE_ERROR(3400, EXTERNAL, "The queue database failed or is unreachable"),
  BACKEND_UNREACHABLE(3401, EXTERNAL, "The backend could not be reached or the connection dropped"),
  BACKEND_HANDSHAKE_FAILED(3402, EXTERNAL, "The backend refused the validator's registration"),
  WEIGHTS_REJECTED_BY_CHAIN(3403, EXTERNAL, "The chain refused the weights extrinsic"),
  WEIGHTS_ENDPOINT_FAILED(3404, EXTERNAL, "The backend's weights endpoint failed or answered something unreadable"),

  // the local dev chain's data directory (3150)
  DEVCHAIN_STATE_UNREADABLE(3150, EXTERNAL, "The dev chain's data directory holds state it cannot read"),
  DEVCHAIN_STATE_WRITE_FAILED(3151, EXTERNAL, "The dev chain could not write its state to the data directory"),

  // backend: vault and chain reads (3320-3349)
  VAULT_UNAVAILABLE(3320, EXTERNAL, "The vault (S3) could not be reached or refused the operation"),
  CHAIN_READ_FAILED(3321, EXTERNAL, "The chain could not be read"),
  // local platform services (3500)
  SERVICE_START_FAILED(3500, EXTERNAL, "A platform service could not be started or exited while starting"),
  SERVICE_EXITED(3501, EXTERNAL, "A platform service exited unexpectedly"),
  ADMIN_API_FAILED(3502, EXTERNAL, "The backend's admin API refused or failed a request"),
  DEMO_EVALUATION_FAILED(3503, EXTERNAL, "An evaluation of a demo submission ended without a result"),

  // miner tooling (3600-3619)
  MINER_BACKEND_UNREACHABLE(3600, EXTERNAL, "The Kinitro backend cannot be reached"),
  MINER_BACKEND_ERROR(3601, EXTERNAL, "The Kinitro backend answered with a server error or something the miner tool cannot read"),
  MINER_UPLOAD_URL_EXPIRED(3602, EXTERNAL, "The presigned upload URL expired and no new one could be obtained"),
  MINER_UPLOAD_FAILED(3603, EXTERNAL, "The archive could not be stored at the presigned URL"),
  MINER_REALTIME_FAILED(3604, EXTERNAL, "The backend's realtime channel could not be followed"),

  // --- RESOURCES: a limit was reached -----------------------------------------------------------
  RATE_LIMITED(4000, RESOURCES, "Too many requests; retry later"),
  TIMEOUT(4001, RESOURCES, "The operation did not finish in time"),
  CAPACITY_EXHAUSTED(4002, RESOURCES, "No capacity is left to take the work now"),

  // chain limits (4100)
  CHAIN_RATE_LIMITED(4100, RESOURCES, "The chain's rate limit for this call has not passed yet"),
  CHAIN_COMMITMENT_SPACE_EXCEEDED(4101, RESOURCES, "The hotkey used up its commitment space for this epoch"),
  CHAIN_TOO_MANY_UNREVEALED_COMMITS(4102, RESOURCES, "The hotkey has too many unrevealed weight commits"),
  CHAIN_POOL_PRIORITY_TOO_LOW(4103, RESOURCES, "The transaction pool is full or holds a transaction with the same nonce"),

  // the local dev chain (4120)
  DEVCHAIN_PORT_UNAVAILABLE(4120, RESOURCES, "The dev chain could not listen on its port (in use or not permitted)"),

  // rollouts (4200-4219)
  ROLLOUT_DEADLINE_EXCEEDED(4200, RESOURCES, "The rollout did not finish before its run deadline"),

  // evaluator (4220-4239)
  EVALUATOR_DISK_FULL(4220, RESOURCES, "The evaluator's work directory has no space left"),
  JOB_DEADLINE_EXCEEDED(4221, RESOURCES, "The job's deadline passed before its evaluation could finish"),
  AGENT_POD_START_TIMEOUT(4222, RESOURCES, "The agent pod did not reach the running state within the readiness timeout"),
  // backend (4310-4319)
  UPLOAD_RATE_LIMITED(4310, RESOURCES, "Too many uploads by this hotkey for this competition in the window"),
  SUBSCRIBER_TOO_SLOW(4311, RESOURCES, "The realtime subscriber fell too far behind and was dropped"),
  // local platform services (4500)
  SERVICE_HEALTH_TIMEOUT(4500, RESOURCES, "A platform service did not become healthy in time"),
  PLATFORM_STOP_TIMEOUT(4501, RESOURCES, "The local platform did not stop in time"),
  DEMO_TIMED_OUT(4502, RESOURCES, "The demo did not reach its next step in time"),

  // miner tooling (4600-4609)
  MINER_UPLOAD_RATE_LIMITED(4600, RESOURCES, "The hotkey used up its uploads for the competition's upload window");

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
