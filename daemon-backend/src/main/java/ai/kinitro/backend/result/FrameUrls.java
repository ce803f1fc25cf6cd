package ai.kinitro.backend.result;

import ai.kinitro.backend.vault.PresignedUrl;
import ai.kinitro.backend.vault.VaultService;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.ObservationRef;
import ai.kinitro.common.protocol.StepRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the stored frames of logged steps loadable. A step's {@code observation_refs} say where
 * each camera's image was stored; a ref that already has a {@code url} (a public one the validator
 * gave) is passed through, a ref in this backend's own vault bucket gets a GET the backend signs
 * ({@code url}, {@code url_expires_at}, valid for {@code kinitro.results.frame-url-ttl}), and a ref
 * in any other bucket stays as it is: nobody here may sign for someone else's store. Signing is a
 * local computation (no request to the store), so a page of steps costs no round trips. Without a
 * configured vault, or when signing fails, refs are returned without a URL and the steps are still
 * served.
 *
 * <p>Signing costs tens of microseconds per frame, so a URL is reused for the same key while it
 * still has at least half of its lifetime left (a bounded cache): spectators replaying the same
 * episode get the same URLs, which their HTTP caches can then serve.
 */
@Component
public class FrameUrls {
  private static final Logger LOG = LoggerFactory.getLogger(FrameUrls.class);

  static final int CACHE_SIZE = 10_000;

  private final VaultService vault;
  private final ResultLogsProperties properties;
  private final Clock clock;
  private final Map<String, PresignedUrl> cache = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PresignedUrl> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  public FrameUrls(VaultService vault, ResultLogsProperties properties, Clock clock) {
    this.vault = Objects.requireNonNull(vault, "vault");
    this.properties = Objects.requireNonNull(properties, "properties");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The refs with URLs where this backend can give them; the input is not changed. */
  public JsonNode withUrls(JsonNode refs) {
    if (!refs.isArray() || refs.isEmpty() || !vault.config().configured()) {
      return refs;
    }
    String bucket = vault.config().bucket();
    ArrayNode out = (ArrayNode) refs.deepCopy();
    for (JsonNode ref : out) {
      if (ref instanceof ObjectNode o && !o.path("url").isString() && o.path("bucket").isString()
          && bucket.equals(o.path("bucket").asString()) && o.path("key").isString() && !o.path("key").asString().isEmpty()) {
        sign(o);
      }
    }
    return out;
  }

  /**
   * The step with URLs on the refs this backend can sign, for realtime {@code episode_step} events
   * (the same rule as {@link #withUrls(JsonNode)}; a ref that cannot be signed keeps no URL).
   */
  public StepRecord withUrls(StepRecord step) {
    if (step.observationRefs().isEmpty() || !vault.config().configured()) {
      return step;
    }
    String bucket = vault.config().bucket();
    List<ObservationRef> refs = step.observationRefs().stream()
        .map(r -> r.url().isPresent() || !bucket.equals(r.bucket()) || r.key().isEmpty() ? r : signedRef(r))
        .toList();
    return new StepRecord(step.step(), step.action(), step.reward(), step.done(), step.truncated(), refs, step.info(),
        step.timestamp());
  }

  private ObservationRef signedRef(ObservationRef ref) {
    try {
      return new ObservationRef(ref.camera(), ref.bucket(), ref.key(), Optional.of(signed(ref.key()).url()));
    } catch (KinitroException e) {
      LOG.warn("Could not sign a frame URL for {}; the event is sent without it: {}", ref.key(), e.getMessage());
      return ref;
    }
  }

  private void sign(ObjectNode ref) {
    try {
      PresignedUrl url = signed(ref.path("key").asString());
      ref.put("url", url.url().toString());
      ref.put("url_expires_at", url.expiresAt().toString());
    } catch (KinitroException e) {
      LOG.warn("Could not sign a frame URL for {}; the step is served without it: {}", ref.path("key").asString(), e.getMessage());
    }
  }

  private PresignedUrl signed(String key) {
    Instant reuseUntil = clock.instant().plus(properties.frameUrlTtl().dividedBy(2));
    synchronized (cache) {
      PresignedUrl cached = cache.get(key);
      if (cached != null && cached.expiresAt().isAfter(reuseUntil)) {
        return cached;
      }
    }
    PresignedUrl fresh = vault.presignDownload(key, properties.frameUrlTtl());
    synchronized (cache) {
      cache.put(key, fresh);
    }
    return fresh;
  }
}
