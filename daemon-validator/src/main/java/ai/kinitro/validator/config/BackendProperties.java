package ai.kinitro.validator.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The link to the backend ({@code kinitro.validator.backend.*}).
 *
 * @param url the backend's validator channel, {@code ws://} or {@code wss://}
 * @param apiKey the API key issued to this validator (required in full mode; never logged)
 * @param connectTimeout TCP + TLS + upgrade deadline
 * @param handshakeTimeout deadline for each handshake frame (challenge, then registration ack)
 * @param reconnectInitialDelay first reconnection delay; doubles per failure, with full jitter
 * @param reconnectMaxDelay cap of the reconnection delay
 * @param heartbeatInterval heartbeat period until the backend's {@code registration_ack} sets one
 * @param ackTimeout how long a relayed message waits for its {@code result_ack} before it is resent
 * @param ackTimeoutMax cap of that wait as it doubles per resend
 * @param sendWindow relayed messages awaiting an ack at most at once
 * @param relayBatch messages claimed from the outbox per round
 * @param relayPollInterval longest pause of the relay when no wake-up arrives (safety net)
 * @param maxRefusedAttempts sends of a message the backend could not read before it is parked
 */
@ConfigurationProperties("kinitro.validator.backend")
public record BackendProperties(
    URI url, String apiKey, Duration connectTimeout, Duration handshakeTimeout, Duration reconnectInitialDelay,
    Duration reconnectMaxDelay, Duration heartbeatInterval, Duration ackTimeout, Duration ackTimeoutMax,
    Integer sendWindow, Integer relayBatch, Duration relayPollInterval, Integer maxRefusedAttempts) {
  public static final URI DEFAULT_URL = URI.create("ws://localhost:8080/ws/validator");
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_RECONNECT_INITIAL_DELAY = Duration.ofSeconds(1);
  public static final Duration DEFAULT_RECONNECT_MAX_DELAY = Duration.ofSeconds(60);
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_ACK_TIMEOUT_MAX = Duration.ofMinutes(10);
  public static final int DEFAULT_SEND_WINDOW = 256;
  public static final int DEFAULT_RELAY_BATCH = 64;
  public static final Duration DEFAULT_RELAY_POLL_INTERVAL = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_REFUSED_ATTEMPTS = 5;

  public BackendProperties {
    url = url == null ? DEFAULT_URL : url;
    if (!"ws".equals(url.getScheme()) && !"wss".equals(url.getScheme())) {
      throw Settings.invalid("kinitro.validator.backend.url", "must start with ws:// or wss://, was " + url);
    }
    apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    connectTimeout = Settings.positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "kinitro.validator.backend.connect-timeout");
    handshakeTimeout = Settings.positive(handshakeTimeout, DEFAULT_HANDSHAKE_TIMEOUT, "kinitro.validator.backend.handshake-timeout");
    reconnectInitialDelay = Settings.positive(reconnectInitialDelay, DEFAULT_RECONNECT_INITIAL_DELAY,
        "kinitro.validator.backend.reconnect-initial-delay");
    reconnectMaxDelay = Settings.positive(reconnectMaxDelay, DEFAULT_RECONNECT_MAX_DELAY, "kinitro.validator.backend.reconnect-max-delay");
    if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
      throw Settings.invalid("kinitro.validator.backend.reconnect-max-delay", "must not be below reconnect-initial-delay");
    }
    heartbeatInterval = Settings.positive(heartbeatInterval, DEFAULT_HEARTBEAT_INTERVAL, "kinitro.validator.backend.heartbeat-interval");
    ackTimeout = Settings.positive(ackTimeout, DEFAULT_ACK_TIMEOUT, "kinitro.validator.backend.ack-timeout");
    ackTimeoutMax = Settings.positive(ackTimeoutMax, DEFAULT_ACK_TIMEOUT_MAX, "kinitro.validator.backend.ack-timeout-max");
    if (ackTimeoutMax.compareTo(ackTimeout) < 0) {
      throw Settings.invalid("kinitro.validator.backend.ack-timeout-max", "must not be below ack-timeout");
    }
    sendWindow = Settings.atLeast(sendWindow, DEFAULT_SEND_WINDOW, 1, "kinitro.validator.backend.send-window");
    relayBatch = Settings.atLeast(relayBatch, DEFAULT_RELAY_BATCH, 1, "kinitro.validator.backend.relay-batch");
    relayPollInterval = Settings.positive(relayPollInterval, DEFAULT_RELAY_POLL_INTERVAL, "kinitro.validator.backend.relay-poll-interval");
    maxRefusedAttempts = Settings.atLeast(maxRefusedAttempts, DEFAULT_MAX_REFUSED_ATTEMPTS, 1,
        "kinitro.validator.backend.max-refused-attempts");
  }

  @Override
  public String toString() {
    return "BackendProperties[url=" + url + ", apiKey=" + (apiKey == null ? "<unset>" : "<redacted>")
        + ", connectTimeout=" + connectTimeout + ", handshakeTimeout=" + handshakeTimeout + ", reconnect="
        + reconnectInitialDelay + ".." + reconnectMaxDelay + ", heartbeatInterval=" + heartbeatInterval + ", ackTimeout="
        + ackTimeout + ".." + ackTimeoutMax + ", sendWindow=" + sendWindow + ", relayBatch=" + relayBatch
        + ", relayPollInterval=" + relayPollInterval + ", maxRefusedAttempts=" + maxRefusedAttempts + "]";
  }
}
