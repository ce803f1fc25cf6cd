package ai.kinitro.backend.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.backend.apikey.ApiProperties;
import ai.kinitro.backend.ids.IdsProperties;
import ai.kinitro.backend.job.JobsProperties;
import ai.kinitro.backend.metagraph.MetagraphProperties;
import ai.kinitro.backend.ops.HealthProperties;
import ai.kinitro.backend.persistence.DatabaseProperties;
import ai.kinitro.backend.scoring.ScoringProperties;
import jakarta.validation.Validation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** Pins every subsystem's defaults and the mapping of every key (Trino's TestXxxConfig pattern). */
class ConfigurationPropertiesTest {
  static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
    Binder binder = new Binder(new MapConfigurationPropertySource(values));
    ValidationBindHandler validation = new ValidationBindHandler(new SpringValidatorAdapter(
        Validation.byDefaultProvider().configure().buildValidatorFactory().getValidator()));
    return binder.bindOrCreate(prefix, org.springframework.boot.context.properties.bind.Bindable.of(type), validation);
  }

  @Test
  void databaseDefaultsToEmbeddedAndMapsEveryKey() {
    assertThat(bind("kinitro.database", DatabaseProperties.class, Map.of()))
        .isEqualTo(new DatabaseProperties(null, "postgres", "", 20, 0));
    assertThat(bind("kinitro.database", DatabaseProperties.class, Map.of("kinitro.database.url", "jdbc:postgresql://db/k",
        "kinitro.database.user", "kin", "kinitro.database.password", "pw", "kinitro.database.pool-size", "5",
        "kinitro.database.embedded-port", "15432")))
        .isEqualTo(new DatabaseProperties("jdbc:postgresql://db/k", "kin", "pw", 5, 15432));
    assertThat(new DatabaseProperties("u", "x", "secret", 1, 0).toString()).doesNotContain("secret");
  }

  @Test
  void scoringDefaultsAndKeys() {
    assertThat(bind("kinitro.scoring", ScoringProperties.class, Map.of())).isEqualTo(new ScoringProperties(true, Duration.ofMinutes(5),
        Duration.ofSeconds(10), 1, 0.98, 4, null, Duration.ofMinutes(20)));
    assertThat(bind("kinitro.scoring", ScoringProperties.class, Map.of("kinitro.scoring.enabled", "false", "kinitro.scoring.interval", "1m",
        "kinitro.scoring.initial-delay", "0s", "kinitro.scoring.min-validators", "3", "kinitro.scoring.burn-share", "0.5",
        "kinitro.scoring.owner-uid", "0", "kinitro.scoring.netuid", "1", "kinitro.scoring.weights-ttl", "1h")))
        .isEqualTo(new ScoringProperties(false, Duration.ofMinutes(1), Duration.ZERO, 3, 0.5, 0, 1, Duration.ofHours(1)));
  }

  @Test
  void healthDefaultsAndKeys() {
    assertThat(bind("kinitro.health", HealthProperties.class, Map.of()))
        .isEqualTo(new HealthProperties(3, 5, Duration.ofSeconds(30)));
    assertThat(bind("kinitro.health", HealthProperties.class, Map.of("kinitro.health.chain-failures", "1",
        "kinitro.health.chain-stale-intervals", "10", "kinitro.health.vault-probe-interval", "0s")))
        .isEqualTo(new HealthProperties(1, 10, Duration.ZERO));
    assertThatThrownBy(() -> bind("kinitro.health", HealthProperties.class, Map.of("kinitro.health.chain-stale-intervals", "1")))
        .hasStackTraceContaining("chain-stale-intervals must be at least 2");
  }

  @Test
  void anOutOfRangeBurnShareIsRefusedAtStartUp() {
    assertThatThrownBy(() -> bind("kinitro.scoring", ScoringProperties.class, Map.of("kinitro.scoring.burn-share", "1.5")))
        .hasStackTraceContaining("burnShare");
  }

  @Test
  void idsApiJobsMetagraphAndStateDirDefaultsAndKeys() {
    assertThat(bind("kinitro.ids", IdsProperties.class, Map.of())).isEqualTo(new IdsProperties(1));
    assertThat(bind("kinitro.ids", IdsProperties.class, Map.of("kinitro.ids.instance-id", "7"))).isEqualTo(new IdsProperties(7));
    assertThatThrownBy(() -> bind("kinitro.ids", IdsProperties.class, Map.of("kinitro.ids.instance-id", "1024")))
        .hasStackTraceContaining("instanceId");

    assertThat(bind("kinitro.api", ApiProperties.class, Map.of())).isEqualTo(new ApiProperties(Duration.ofMinutes(1), List.of("*")));
    assertThat(bind("kinitro.api", ApiProperties.class, Map.of("kinitro.api.last-used-resolution", "30s",
        "kinitro.api.cors-allowed-origins", "https://a.example,https://b.example")))
        .isEqualTo(new ApiProperties(Duration.ofSeconds(30), List.of("https://a.example", "https://b.example")));

    assertThat(bind("kinitro.jobs", JobsProperties.class, Map.of())).isEqualTo(new JobsProperties("", Duration.ofHours(2), 3));
    assertThat(bind("kinitro.jobs", JobsProperties.class, Map.of("kinitro.jobs.seed-secret", "s", "kinitro.jobs.assignment-deadline", "30m",
        "kinitro.jobs.max-attempts", "5"))).isEqualTo(new JobsProperties("s", Duration.ofMinutes(30), 5));

    assertThat(bind("kinitro.metagraph", MetagraphProperties.class, Map.of())).isEqualTo(new MetagraphProperties(List.of()));
    assertThat(bind("kinitro.metagraph", MetagraphProperties.class, Map.of("kinitro.metagraph.neurons[0].uid", "4",
        "kinitro.metagraph.neurons[0].hotkey", "5Owner", "kinitro.metagraph.neurons[0].validator-permit", "true")))
        .isEqualTo(new MetagraphProperties(List.of(new MetagraphProperties.Entry(4, "5Owner", true))));

    assertThat(bind("kinitro", KinitroProperties.class, Map.of())).isEqualTo(new KinitroProperties(Path.of(".kinitro/backend")));
    assertThat(bind("kinitro", KinitroProperties.class, Map.of("kinitro.state-dir", "/var/lib/kinitro")))
        .isEqualTo(new KinitroProperties(Path.of("/var/lib/kinitro")));
  }

  @Test
  void resultLogsDefaultsAndKeys() {
    assertThat(bind("kinitro.results", ai.kinitro.backend.result.ResultLogsProperties.class, Map.of()))
        .isEqualTo(new ai.kinitro.backend.result.ResultLogsProperties(Duration.ofHours(6), Duration.ofHours(1)));
    assertThat(bind("kinitro.results", ai.kinitro.backend.result.ResultLogsProperties.class, Map.of("kinitro.results.log-url-ttl", "1h",
        "kinitro.results.frame-url-ttl", "7d")))
        .isEqualTo(new ai.kinitro.backend.result.ResultLogsProperties(Duration.ofHours(1), Duration.ofDays(7)));
    assertThatThrownBy(() -> bind("kinitro.results", ai.kinitro.backend.result.ResultLogsProperties.class,
        Map.of("kinitro.results.log-url-ttl", "8d"))).hasStackTraceContaining("at most 7 days");
    assertThatThrownBy(() -> bind("kinitro.results", ai.kinitro.backend.result.ResultLogsProperties.class,
        Map.of("kinitro.results.frame-url-ttl", "0s"))).hasStackTraceContaining("kinitro.results.frame-url-ttl must be positive");
  }
}
