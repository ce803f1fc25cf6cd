package ai.kinitro.evaluator.logs;

import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.validator.LogArtifact;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores log bundles, if a store is configured, under {@code
 * evaluation-logs/<submission>/<job>/attempt-<n>.json}. Storing never fails the caller: a failure
 * is logged at WARN, counted ({@link #failures()}) and answered with no reference. Shared by every
 * job of the evaluator.
 */
public final class LogBundles {
  /** First segment of every bundle's key, whatever the frames' key prefix is. */
  public static final String KEY_PREFIX = "evaluation-logs";

  private static final Logger LOG = LoggerFactory.getLogger(LogBundles.class);
  private static final JsonMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_ABSENT))
      .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();

  private final Optional<LogBundleStore> store;
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  public LogBundles(Optional<LogBundleStore> store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** Bundles that are never stored (no bucket configured). */
  public static LogBundles disabled() {
    return new LogBundles(Optional.empty());
  }

  /** Whether bundles are stored at all. */
  public boolean enabled() {
    return store.isPresent();
  }

  /** The key of the bundle of attempt {@code attempt} of job {@code jobId}. */
  public static String key(long submissionId, long jobId, int attempt) {
    return KEY_PREFIX + "/" + submissionId + "/" + jobId + "/attempt-" + attempt + ".json";
  }

  /** The bundle as UTF-8 JSON. */
  public static byte[] encode(LogBundle bundle) {
    return JSON.writeValueAsBytes(bundle);
  }

  /** Stores {@code bundle}; its reference, or empty when bundles are off or storing failed. */
  public Optional<LogArtifact> store(LogBundle bundle) {
    if (store.isEmpty()) {
      return Optional.empty();
    }
    String key = key(bundle.submissionId(), bundle.jobId(), bundle.attempt());
    try {
      LogArtifact artifact = store.get().put(key, encode(bundle));
      stored.incrementAndGet();
      return Optional.of(artifact);
    } catch (RuntimeException e) {
      // LOG_BUNDLE_UPLOAD_FAILED, and anything unexpected: neither may cost the job its result.
      failed(bundle, key, e);
      return Optional.empty();
    }
  }

  private void failed(LogBundle bundle, String key, RuntimeException e) {
    failures.incrementAndGet();
    LOG.warn("Job {}: the result is sent without its log bundle: {}", bundle.jobId(),
        e instanceof KinitroException k ? k.code() + " (" + k.code().number() + "): " + k.getMessage()
            : "storing " + key + " failed: " + e);
  }

  /** Bundles stored since start. */
  public long stored() {
    return stored.get();
  }

  /** Bundles that could not be stored since start. */
  public long failures() {
    return failures.get();
  }
}
