package ai.kinitro.backend.ws.validator;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The validator channel's settings ({@code kinitro.validators.*}). The evaluation deadline and the
 * attempts of an assignment are {@code kinitro.jobs.assignment-deadline} and {@code max-attempts}.
 *
 * @param allowedHotkeys hotkeys accepted without a validator permit on the metagraph (development)
 * @param requirePermit refuse hotkeys without a validator permit (unless allowed above)
 * @param challengeTtl how long the {@code auth_challenge} nonce is valid
 * @param timestampWindow allowed skew of the signed {@code register} timestamp, each way
 * @param heartbeatInterval the heartbeat period asked of validators
 * @param missedHeartbeats a connection silent for this many intervals is dropped
 * @param backfillWindow a validator registering for the first time gets assignments for jobs
 *     created within this window
 * @param sweepInterval how often pending assignments are pushed to connected validators and
 *     deadlines checked (0 disables the loops; tests call {@code pollOnce()})
 * @param weightsPushInterval cadence of {@code set_weights} to connected validators
 * @param weightsTtl how long a pushed weights snapshot stays applicable
 * @param ingestQueueCapacity messages waiting for the ingest writer before senders get an error
 * @param ingestBatchSize messages written per transaction at most
 * @param ingestMaxDelay the writer flushes a partial batch after this
 * @param sendTimeLimit a send blocked longer than this drops the connection
 * @param sendBufferLimit bytes buffered for one connection before it is dropped
 * @param assignmentChannel the PostgreSQL NOTIFY channel on which instances announce newly
 *     queued assignments (payload: the validator's hotkey), so the instance holding that
 *     validator's connection delivers at once; the sweep remains the safety net
 */
@ConfigurationProperties("kinitro.validators")
public record ValidatorChannelConfig(
    Set<String> allowedHotkeys,
    Boolean requirePermit,
    Duration challengeTtl,
    Duration timestampWindow,
    Duration heartbeatInterval,
    Integer missedHeartbeats,
    Duration backfillWindow,
    Duration sweepInterval,
    Duration weightsPushInterval,
    Duration weightsTtl,
    Integer ingestQueueCapacity,
    Integer ingestBatchSize,
    Duration ingestMaxDelay,
    Duration sendTimeLimit,
    Integer sendBufferLimit,
    String assignmentChannel) {
  public static final Duration DEFAULT_CHALLENGE_TTL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_TIMESTAMP_WINDOW = Duration.ofMinutes(5);
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(30);
  public static final int DEFAULT_MISSED_HEARTBEATS = 3;
  public static final Duration DEFAULT_BACKFILL_WINDOW = Duration.ofDays(1);
  public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_WEIGHTS_PUSH_INTERVAL = Duration.ofMinutes(10);
  public static final Duration DEFAULT_WEIGHTS_TTL = Duration.ofMinutes(30);
  public static final int DEFAULT_INGEST_QUEUE_CAPACITY = 20_000;
  public static final int DEFAULT_INGEST_BATCH_SIZE = 500;
  public static final Duration DEFAULT_INGEST_MAX_DELAY = Duration.ofMillis(50);
  public static final Duration DEFAULT_SEND_TIME_LIMIT = Duration.ofSeconds(10);
  public static final int DEFAULT_SEND_BUFFER_LIMIT = 8 << 20;
  public static final String DEFAULT_ASSIGNMENT_CHANNEL = "kinitro_assignments";

  public ValidatorChannelConfig {
    allowedHotkeys = allowedHotkeys == null ? Set.of() : Set.copyOf(allowedHotkeys);
    requirePermit = requirePermit == null ? Boolean.TRUE : requirePermit;
    challengeTtl = positive(challengeTtl, DEFAULT_CHALLENGE_TTL, "challenge-ttl");
    timestampWindow = positive(timestampWindow, DEFAULT_TIMESTAMP_WINDOW, "timestamp-window");
    heartbeatInterval = positive(heartbeatInterval, DEFAULT_HEARTBEAT_INTERVAL, "heartbeat-interval");
    if (heartbeatInterval.toSeconds() < 1 || heartbeatInterval.toSeconds() > 3600) {
      throw new IllegalArgumentException("kinitro.validators.heartbeat-interval must be 1 s to 1 h");
    }
    missedHeartbeats = missedHeartbeats == null ? DEFAULT_MISSED_HEARTBEATS : missedHeartbeats;
    if (missedHeartbeats < 1) {
      throw new IllegalArgumentException("kinitro.validators.missed-heartbeats must be at least 1");
    }
    backfillWindow = backfillWindow == null ? DEFAULT_BACKFILL_WINDOW : backfillWindow;
    sweepInterval = sweepInterval == null ? DEFAULT_SWEEP_INTERVAL : sweepInterval;
    weightsPushInterval = weightsPushInterval == null ? DEFAULT_WEIGHTS_PUSH_INTERVAL : weightsPushInterval;
    weightsTtl = positive(weightsTtl, DEFAULT_WEIGHTS_TTL, "weights-ttl");
    ingestQueueCapacity = ingestQueueCapacity == null ? DEFAULT_INGEST_QUEUE_CAPACITY : ingestQueueCapacity;
    ingestBatchSize = ingestBatchSize == null ? DEFAULT_INGEST_BATCH_SIZE : ingestBatchSize;
    if (ingestQueueCapacity < 1 || ingestBatchSize < 1) {
      throw new IllegalArgumentException("kinitro.validators.ingest-queue-capacity and ingest-batch-size must be positive");
    }
    ingestMaxDelay = positive(ingestMaxDelay, DEFAULT_INGEST_MAX_DELAY, "ingest-max-delay");
    sendTimeLimit = positive(sendTimeLimit, DEFAULT_SEND_TIME_LIMIT, "send-time-limit");
    sendBufferLimit = sendBufferLimit == null ? DEFAULT_SEND_BUFFER_LIMIT : sendBufferLimit;
    assignmentChannel = assignmentChannel == null || assignmentChannel.isBlank() ? DEFAULT_ASSIGNMENT_CHANNEL : assignmentChannel;
    if (!assignmentChannel.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("kinitro.validators.assignment-channel must be a lower-case SQL identifier, got "
          + assignmentChannel);
    }
  }

  /** A validator silent for longer than this is dropped. */
  public Duration heartbeatTimeout() {
    return heartbeatInterval.multipliedBy(missedHeartbeats);
  }

  private static Duration positive(Duration value, Duration fallback, String name) {
    Duration d = value == null ? fallback : value;
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("kinitro.validators." + name + " must be positive, got " + d);
    }
    return d;
  }
}
