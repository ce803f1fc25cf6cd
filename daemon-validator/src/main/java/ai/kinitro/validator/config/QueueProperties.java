package ai.kinitro.validator.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The durable queue as the validator runs it ({@code kinitro.validator.queue.*}).
 *
 * @param jobQueue the queue the evaluator consumes
 * @param heartbeatInterval the consumers' heartbeat interval (must match the evaluator's)
 * @param missedHeartbeats heartbeats a consumer may miss before its jobs are reaped
 * @param reaperInterval how often the reaper looks
 * @param finishedRetention how long finished jobs are kept (a redelivered job id stays a duplicate)
 * @param statsInterval how often queue depth and relay lag are sampled for metrics and heartbeats
 * @param jobMaxAttempts evaluation attempts of a job before it is parked
 */
@ConfigurationProperties("kinitro.validator.queue")
public record QueueProperties(
    String jobQueue, Duration heartbeatInterval, Integer missedHeartbeats, Duration reaperInterval,
    Duration finishedRetention, Duration statsInterval, Integer jobMaxAttempts) {
  public static final String DEFAULT_JOB_QUEUE = "evaluation";
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(10);
  public static final int DEFAULT_MISSED_HEARTBEATS = 6;
  public static final Duration DEFAULT_REAPER_INTERVAL = Duration.ofSeconds(15);
  public static final Duration DEFAULT_FINISHED_RETENTION = Duration.ofDays(7);
  public static final Duration DEFAULT_STATS_INTERVAL = Duration.ofSeconds(10);
  public static final int DEFAULT_JOB_MAX_ATTEMPTS = 3;

  public QueueProperties {
    jobQueue = Settings.orDefault(jobQueue, DEFAULT_JOB_QUEUE);
    heartbeatInterval = Settings.positive(heartbeatInterval, DEFAULT_HEARTBEAT_INTERVAL, "kinitro.validator.queue.heartbeat-interval");
    missedHeartbeats = Settings.atLeast(missedHeartbeats, DEFAULT_MISSED_HEARTBEATS, 1, "kinitro.validator.queue.missed-heartbeats");
    reaperInterval = Settings.positive(reaperInterval, DEFAULT_REAPER_INTERVAL, "kinitro.validator.queue.reaper-interval");
    finishedRetention = Settings.positive(finishedRetention, DEFAULT_FINISHED_RETENTION, "kinitro.validator.queue.finished-retention");
    statsInterval = Settings.positive(statsInterval, DEFAULT_STATS_INTERVAL, "kinitro.validator.queue.stats-interval");
    jobMaxAttempts = Settings.atLeast(jobMaxAttempts, DEFAULT_JOB_MAX_ATTEMPTS, 1, "kinitro.validator.queue.job-max-attempts");
  }
}
