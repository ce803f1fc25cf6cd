package ai.kinitro.backend.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.vault.VaultConfig;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;

class VaultHealthIndicatorTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final String REFUSED = "the vault could not reach bucket vault (403 AccessDenied)";

  private final AtomicReference<Instant> now = new AtomicReference<>(START);
  private final AtomicInteger probes = new AtomicInteger();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  private static VaultConfig config(String accessKey, String secretKey) {
    return new VaultConfig(URI.create("http://127.0.0.1:9000"), null, "vault", accessKey, secretKey, null, null, null, null,
        null, null, null, null);
  }

  private VaultHealthIndicator indicator(VaultConfig config) {
    return new VaultHealthIndicator(config, () -> {
      probes.incrementAndGet();
      RuntimeException e = failure.get();
      if (e != null) {
        throw e;
      }
    }, Duration.ofSeconds(30), now::get);
  }

  @Test
  void isUpWithTheProbeTimeWhenTheBucketAnswers() {
    assertThat(indicator(config("key", "secret")).health()).isEqualTo(Health.up().withDetails(Map.of(
        "bucket", "vault", "endpoint", "http://127.0.0.1:9000", "configured", true,
        "lastProbe", "2026-01-01T00:00:00Z")).build());
  }

  @Test
  void isDownWithTheErrorWhenConfiguredAndTheProbeFails() {
    failure.set(new KinitroException(ErrorCode.VAULT_UNAVAILABLE, REFUSED));

    assertThat(indicator(config("key", "secret")).health()).isEqualTo(Health.down().withDetails(Map.of(
        "bucket", "vault", "endpoint", "http://127.0.0.1:9000", "configured", true,
        "lastProbe", "2026-01-01T00:00:00Z", "error", REFUSED)).build());
  }

  @Test
  void answersTheCachedResultWithinTheIntervalAndProbesAgainAfterIt() {
    VaultHealthIndicator indicator = indicator(config("key", "secret"));
    failure.set(new KinitroException(ErrorCode.VAULT_UNAVAILABLE, REFUSED));
    indicator.health();
    failure.set(null);
    now.set(START.plusSeconds(29));

    Health cached = indicator.health();
    now.set(START.plusSeconds(30));
    Health fresh = indicator.health();

    assertThat(probes.get()).isEqualTo(2);
    assertThat(cached.getDetails().get("error")).isEqualTo(REFUSED);
    assertThat(fresh).isEqualTo(Health.up().withDetails(Map.of("bucket", "vault", "endpoint", "http://127.0.0.1:9000",
        "configured", true, "lastProbe", "2026-01-01T00:00:30Z")).build());
  }

  @Test
  void isUpWithAWarningAndNeverProbesWithoutCredentials() {
    Health health = indicator(config(null, null)).health();

    assertThat(probes.get()).isZero();
    assertThat(health).isEqualTo(Health.up().withDetails(Map.of("bucket", "vault", "endpoint", "http://127.0.0.1:9000",
        "configured", false, "warning", VaultHealthIndicator.NOT_CONFIGURED_WARNING)).build());
  }
}
