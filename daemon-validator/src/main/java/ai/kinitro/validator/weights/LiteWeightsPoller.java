package ai.kinitro.validator.weights;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.WeightEntry;
import ai.kinitro.common.protocol.validator.AckOutcome;
import ai.kinitro.queue.notify.Wakeups;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lite mode: polls the backend's {@code GET /weights} and stores each new snapshot for the weights
 * duty. A snapshot computed longer ago than the stale threshold, or past its {@code expires_at}, is
 * refused (v1 applied stale snapshots with only a warning, §10 #28). Errors back off, doubling from
 * the poll interval up to {@link ai.kinitro.validator.config.WeightsProperties#liteMaxBackoff()}.
 *
 * <p>Body: {@code {"snapshot_id", "netuid", "computed_at", "expires_at"?, "entries": [{"uid",
 * "hotkey", "weight"}]}} — the fields of {@code set_weights} without the message id.
 */
public final class LiteWeightsPoller {
  /** Metric: polls, by outcome. */
  public static final String POLLS = "kinitro.weights.lite.polls";

  private static final Logger LOG = LoggerFactory.getLogger(LiteWeightsPoller.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What one poll did. */
  public enum Outcome { STORED, UNCHANGED, STALE, FAILED }

  private final HttpClient http;
  private final URI url;
  private final Duration timeout;
  private final Duration staleThreshold;
  private final Duration pollInterval;
  private final Duration maxBackoff;
  private final int netuid;
  private final WeightsStore store;
  private final Wakeups wakeups;
  private final InstantSource clock;
  private final MeterRegistry metrics;
  private Duration nextDelay;

  public LiteWeightsPoller(HttpClient http, URI url, Duration timeout, Duration staleThreshold, Duration pollInterval,
      Duration maxBackoff, int netuid, WeightsStore store, Wakeups wakeups, InstantSource clock, MeterRegistry metrics) {
    this.http = Objects.requireNonNull(http, "http");
    this.url = Objects.requireNonNull(url, "url");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.staleThreshold = Objects.requireNonNull(staleThreshold, "staleThreshold");
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
    this.netuid = netuid;
    this.store = Objects.requireNonNull(store, "store");
    this.wakeups = Objects.requireNonNull(wakeups, "wakeups");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.nextDelay = pollInterval;
  }

  /** How long to wait before the next poll (grows while polls fail). */
  public synchronized Duration nextDelay() {
    return nextDelay;
  }

  /** One poll. */
  public synchronized Outcome pollOnce() throws InterruptedException {
    Outcome outcome;
    try {
      WeightsSnapshot snapshot = fetch();
      Instant now = clock.instant();
      Instant staleAt = snapshot.computedAt().plus(staleThreshold);
      if (!now.isBefore(staleAt) || !now.isBefore(snapshot.expiresAt())) {
        throw new KinitroException(ErrorCode.WEIGHTS_SNAPSHOT_STALE, "snapshot " + snapshot.snapshotId() + " was computed at "
            + snapshot.computedAt() + " (expires " + snapshot.expiresAt() + "); older than " + staleThreshold
            + " or expired, so it is not applied");
      }
      AckOutcome stored = store.store(snapshot, WeightsStore.Source.LITE, now);
      outcome = stored == AckOutcome.STORED ? Outcome.STORED : Outcome.UNCHANGED;
      if (outcome == Outcome.STORED) {
        LOG.info("Lite mode: new weights snapshot {} computed at {}", snapshot.snapshotId(), snapshot.computedAt());
        wakeups.signal(WeightsInbox.WAKEUP);
      }
      nextDelay = pollInterval;
    } catch (KinitroException e) {
      outcome = e.code() == ErrorCode.WEIGHTS_SNAPSHOT_STALE ? Outcome.STALE : Outcome.FAILED;
      nextDelay = outcome == Outcome.STALE ? pollInterval : min(nextDelay.multipliedBy(2), maxBackoff);
      LOG.warn("Lite mode: {} (next poll in {})", e.getMessage(), nextDelay);
    }
    metrics.counter(POLLS, "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
    return outcome;
  }

  private WeightsSnapshot fetch() throws InterruptedException {
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json").GET().build(),
          HttpResponse.BodyHandlers.ofString(UTF_8));
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.WEIGHTS_ENDPOINT_FAILED, "GET " + url + " failed: " + e, e);
    }
    if (response.statusCode() != 200) {
      throw new KinitroException(ErrorCode.WEIGHTS_ENDPOINT_FAILED, "GET " + url + " answered HTTP " + response.statusCode());
    }
    return parse(response.body());
  }

  /** Parses the endpoint's body (also used by tests). */
  WeightsSnapshot parse(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      String snapshotId = text(root, "snapshot_id");
      int snapshotNetuid = root.path("netuid").asInt(-1);
      if (snapshotNetuid != netuid) {
        throw new KinitroException(ErrorCode.WEIGHTS_ENDPOINT_FAILED, "the snapshot is for netuid " + snapshotNetuid
            + ", this validator sets weights on " + netuid);
      }
      Instant computedAt = Instant.parse(text(root, "computed_at"));
      Instant expiresAt = root.hasNonNull("expires_at") ? Instant.parse(text(root, "expires_at")) : computedAt.plus(staleThreshold);
      List<WeightEntry> entries = new ArrayList<>();
      for (JsonNode e : root.path("entries")) {
        entries.add(new WeightEntry(e.path("uid").asInt(-1), text(e, "hotkey"), e.path("weight").asDouble(-1)));
      }
      UUID messageId = UUID.nameUUIDFromBytes(("lite:" + snapshotNetuid + ":" + snapshotId).getBytes(UTF_8));
      return new WeightsSnapshot(messageId, snapshotId, snapshotNetuid, computedAt, expiresAt, entries);
    } catch (JacksonException | java.time.format.DateTimeParseException e) {
      throw new KinitroException(ErrorCode.WEIGHTS_ENDPOINT_FAILED, "GET " + url + " returned an unreadable snapshot: " + e.getMessage(), e);
    } catch (KinitroException e) {
      if (e.code() == ErrorCode.WEIGHTS_ENDPOINT_FAILED) {
        throw e;
      }
      throw new KinitroException(ErrorCode.WEIGHTS_ENDPOINT_FAILED, "GET " + url + " returned an invalid snapshot: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isString()) {
      throw new KinitroException(ErrorCode.WEIGHTS_ENDPOINT_FAILED, "field '" + field + "' is missing or not a string");
    }
    return value.stringValue();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
