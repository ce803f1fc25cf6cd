package ai.kinitro.backend.realtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The realtime channel's settings ({@code kinitro.realtime.*}).
 *
 * @param queueCapacity frames a connection may have waiting; beyond it the connection is dropped
 * @param maxSubscriptions subscriptions per connection
 * @param initialStateLimit events of each subscribed type sent as initial state
 * @param stepSampleEvery publish an {@code episode_step} event only for every n-th logged step of
 *     an episode (and its last step); 1 publishes all
 * @param channel the PostgreSQL NOTIFY channel shared by all instances
 * @param notifyPayloadLimit events whose JSON is longer go through the {@code realtime_events} table
 * @param listenerRetryDelay wait before re-opening a failed LISTEN connection
 * @param statsInterval least time between two {@code stats_updated} events sent by one instance;
 *     changes within it are sent as one event at its end (0: each change at once, still coalesced
 *     while a computation runs)
 */
@ConfigurationProperties("kinitro.realtime")
public record RealtimeConfig(
    Integer queueCapacity,
    Integer maxSubscriptions,
    Integer initialStateLimit,
    Integer stepSampleEvery,
    String channel,
    Integer notifyPayloadLimit,
    Duration listenerRetryDelay,
    Duration statsInterval) {
  public static final int DEFAULT_QUEUE_CAPACITY = 1000;
  public static final int DEFAULT_MAX_SUBSCRIPTIONS = 32;
  public static final int DEFAULT_INITIAL_STATE_LIMIT = 50;
  public static final int DEFAULT_STEP_SAMPLE_EVERY = 10;
  public static final String DEFAULT_CHANNEL = "kinitro_realtime";
  /** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
  public static final int DEFAULT_NOTIFY_PAYLOAD_LIMIT = 7800;
  public static final Duration DEFAULT_LISTENER_RETRY_DELAY = Duration.ofSeconds(2);
  public static final Duration DEFAULT_STATS_INTERVAL = Duration.ofSeconds(1);

  public RealtimeConfig {
    queueCapacity = atLeast(queueCapacity, DEFAULT_QUEUE_CAPACITY, 1, "queue-capacity");
    maxSubscriptions = atLeast(maxSubscriptions, DEFAULT_MAX_SUBSCRIPTIONS, 1, "max-subscriptions");
    initialStateLimit = atLeast(initialStateLimit, DEFAULT_INITIAL_STATE_LIMIT, 0, "initial-state-limit");
    stepSampleEvery = atLeast(stepSampleEvery, DEFAULT_STEP_SAMPLE_EVERY, 1, "step-sample-every");
    channel = channel == null || channel.isBlank() ? DEFAULT_CHANNEL : channel;
    if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("kinitro.realtime.channel must be a lower-case SQL identifier, got " + channel);
    }
    notifyPayloadLimit = atLeast(notifyPayloadLimit, DEFAULT_NOTIFY_PAYLOAD_LIMIT, 100, "notify-payload-limit");
    if (notifyPayloadLimit >= 8000) {
      throw new IllegalArgumentException("kinitro.realtime.notify-payload-limit must be below 8000 bytes");
    }
    listenerRetryDelay = listenerRetryDelay == null ? DEFAULT_LISTENER_RETRY_DELAY : listenerRetryDelay;
    statsInterval = statsInterval == null ? DEFAULT_STATS_INTERVAL : statsInterval;
    if (statsInterval.isNegative()) {
      throw new IllegalArgumentException("kinitro.realtime.stats-interval must not be negative, got " + statsInterval);
    }
  }

  private static int atLeast(Integer value, int fallback, int min, String name) {
    int v = value == null ? fallback : value;
    if (v < min) {
      throw new IllegalArgumentException("kinitro.realtime." + name + " must be at least " + min + ", got " + v);
    }
    return v;
  }
}
