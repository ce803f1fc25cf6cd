package ai.kinitro.evaluator.orchestrator;

import ai.kinitro.rollout.submission.ArchiveLimits;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code kinitro.evaluator.orchestrator.*}: how jobs are claimed and run.
 *
 * @param concurrency jobs evaluated at once (any value from 1)
 * @param queue the job queue the validator fills
 * @param topic the outbox topic the validator relays to the backend
 * @param owner this evaluator's name on claimed jobs (default: host name and process id)
 * @param pollInterval longest wait between claims when no wake-up arrives
 * @param heartbeatInterval how often the leases of running jobs are refreshed
 * @param missedHeartbeats heartbeats an evaluator may miss before its jobs are reaped and re-run
 * @param reaperInterval how often dead evaluators' jobs are looked for (0 s: no reaper here)
 * @param shutdownDeadline how long running jobs may finish when the evaluator stops
 * @param callTimeout time the agent has for one call (Reset, Act)
 * @param batchSize episodes stepped in lock-step (one ActBatch per step when above 1)
 * @param maxJobDuration longest rollout of one job, also bounded by the job's deadline
 * @param deadlineMargin time kept before the job's deadline to report the outcome
 * @param progressInterval least time between two progress reports of a job
 * @param connectTimeout connect timeout of artifact downloads
 * @param downloadTimeout longest artifact download
 * @param maxArchiveSize largest archive accepted
 * @param maxUnpackedSize largest unpacked content accepted
 * @param maxArchiveEntries most entries accepted in an archive
 */
@ConfigurationProperties("kinitro.evaluator.orchestrator")
public record OrchestratorProperties(
    Integer concurrency,
    String queue,
    String topic,
    String owner,
    Duration pollInterval,
    Duration heartbeatInterval,
    Integer missedHeartbeats,
    Duration reaperInterval,
    Duration shutdownDeadline,
    Duration callTimeout,
    Integer batchSize,
    Duration maxJobDuration,
    Duration deadlineMargin,
    Duration progressInterval,
    Duration connectTimeout,
    Duration downloadTimeout,
    DataSize maxArchiveSize,
    DataSize maxUnpackedSize,
    Integer maxArchiveEntries) {
  public static final int DEFAULT_CONCURRENCY = 1;
  public static final String DEFAULT_QUEUE = "evaluation";
  public static final String DEFAULT_TOPIC = "backend";
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(10);
  public static final int DEFAULT_MISSED_HEARTBEATS = 6;
  public static final Duration DEFAULT_REAPER_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_SHUTDOWN_DEADLINE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_BATCH_SIZE = 1;
  public static final Duration DEFAULT_MAX_JOB_DURATION = Duration.ofHours(1);
  public static final Duration DEFAULT_DEADLINE_MARGIN = Duration.ofSeconds(30);
  public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(15);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

  public OrchestratorProperties {
    concurrency = Objects.requireNonNullElse(concurrency, DEFAULT_CONCURRENCY);
    if (concurrency < 1) {
      throw new IllegalArgumentException("kinitro.evaluator.orchestrator.concurrency must be at least 1, was " + concurrency);
    }
    queue = orDefault(queue, DEFAULT_QUEUE);
    topic = orDefault(topic, DEFAULT_TOPIC);
    owner = orDefault(owner, defaultOwner());
    pollInterval = positive(pollInterval, DEFAULT_POLL_INTERVAL, "poll-interval");
    heartbeatInterval = positive(heartbeatInterval, DEFAULT_HEARTBEAT_INTERVAL, "heartbeat-interval");
    missedHeartbeats = Objects.requireNonNullElse(missedHeartbeats, DEFAULT_MISSED_HEARTBEATS);
    if (missedHeartbeats < 1) {
      throw new IllegalArgumentException("kinitro.evaluator.orchestrator.missed-heartbeats must be at least 1");
    }
    reaperInterval = Objects.requireNonNullElse(reaperInterval, DEFAULT_REAPER_INTERVAL);
    shutdownDeadline = Objects.requireNonNullElse(shutdownDeadline, DEFAULT_SHUTDOWN_DEADLINE);
    callTimeout = positive(callTimeout, DEFAULT_CALL_TIMEOUT, "call-timeout");
    batchSize = Objects.requireNonNullElse(batchSize, DEFAULT_BATCH_SIZE);
    if (batchSize < 1) {
      throw new IllegalArgumentException("kinitro.evaluator.orchestrator.batch-size must be at least 1");
    }
    maxJobDuration = positive(maxJobDuration, DEFAULT_MAX_JOB_DURATION, "max-job-duration");
    deadlineMargin = Objects.requireNonNullElse(deadlineMargin, DEFAULT_DEADLINE_MARGIN);
    progressInterval = Objects.requireNonNullElse(progressInterval, DEFAULT_PROGRESS_INTERVAL);
    connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connect-timeout");
    downloadTimeout = positive(downloadTimeout, DEFAULT_DOWNLOAD_TIMEOUT, "download-timeout");
    maxArchiveSize = Objects.requireNonNullElse(maxArchiveSize, DataSize.ofBytes(ArchiveLimits.DEFAULT.maxArchiveBytes()));
    maxUnpackedSize = Objects.requireNonNullElse(maxUnpackedSize, DataSize.ofBytes(ArchiveLimits.DEFAULT.maxUnpackedBytes()));
    maxArchiveEntries = Objects.requireNonNullElse(maxArchiveEntries, ArchiveLimits.DEFAULT.maxEntries());
  }

  /** Every default. */
  public static OrchestratorProperties defaults() {
    return new OrchestratorProperties(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null);
  }

  public ArchiveLimits archiveLimits() {
    return new ArchiveLimits(maxArchiveSize.toBytes(), maxUnpackedSize.toBytes(), maxArchiveEntries);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static Duration positive(Duration value, Duration fallback, String key) {
    Duration d = Objects.requireNonNullElse(value, fallback);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("kinitro.evaluator.orchestrator." + key + " must be positive, was " + d);
    }
    return d;
  }

  private static String defaultOwner() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "evaluator";
    }
    return "evaluator@" + host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
  }
}
