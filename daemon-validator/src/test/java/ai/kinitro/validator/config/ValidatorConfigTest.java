package ai.kinitro.validator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Pins every default and the mapping of every key (Trino's TestXxxConfig pattern). */
class ValidatorConfigTest {
  private static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, Bindable.of(type));
  }

  @Test
  void defaults() {
    Map<String, String> none = Map.of();
    assertThat(bind("kinitro", NodeProperties.class, none)).isEqualTo(new NodeProperties(Path.of("/var/lib/kinitro")));
    ValidatorProperties validator = bind("kinitro.validator", ValidatorProperties.class, none);
    assertThat(validator.mode()).isEqualTo(ValidatorProperties.Mode.FULL);
    assertThat(validator.netuid()).isEqualTo(26);
    assertThat(validator.instanceName()).startsWith("validator@");
    assertThat(bind("kinitro.validator.backend", BackendProperties.class, none)).isEqualTo(new BackendProperties(
        URI.create("ws://localhost:8080/ws/validator"), null, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(1),
        Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(10), 256, 64,
        Duration.ofSeconds(5), 5));
    assertThat(bind("kinitro.validator.hotkey", HotkeyProperties.class, none)).isEqualTo(new HotkeyProperties(null, null, null, null));
    assertThat(bind("kinitro.validator.database", DatabaseProperties.class, none)).isEqualTo(new DatabaseProperties(null, null, null, 10, 5439));
    assertThat(bind("kinitro.validator.chain", ChainProperties.class, none))
        .isEqualTo(new ChainProperties(URI.create("wss://entrypoint-finney.opentensor.ai:443"), 0L));
    assertThat(bind("kinitro.validator.weights", WeightsProperties.class, none)).isEqualTo(new WeightsProperties(true,
        Duration.ofSeconds(12), Duration.ofMinutes(20), Duration.ofSeconds(12), URI.create("https://api.kinitro.ai/weights"),
        Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(180)));
    assertThat(bind("kinitro.validator.queue", QueueProperties.class, none)).isEqualTo(new QueueProperties("evaluation",
        Duration.ofSeconds(10), 6, Duration.ofSeconds(15), Duration.ofDays(7), Duration.ofSeconds(10), 3));
  }

  @Test
  void everyKeyMapsToItsField() {
    assertThat(bind("kinitro", NodeProperties.class, Map.of("kinitro.state-dir", "/srv/k"))).isEqualTo(new NodeProperties(Path.of("/srv/k")));
    ValidatorProperties validator = bind("kinitro.validator", ValidatorProperties.class,
        Map.of("kinitro.validator.mode", "lite", "kinitro.validator.netuid", "2", "kinitro.validator.instance-name", "v1"));
    assertThat(validator).isEqualTo(new ValidatorProperties(ValidatorProperties.Mode.LITE, 2, "v1"));
    assertThat(bind("kinitro.validator.backend", BackendProperties.class, Map.ofEntries(
        Map.entry("kinitro.validator.backend.url", "wss://api.example/ws/validator"),
        Map.entry("kinitro.validator.backend.api-key", "k"),
        Map.entry("kinitro.validator.backend.connect-timeout", "1s"),
        Map.entry("kinitro.validator.backend.handshake-timeout", "2s"),
        Map.entry("kinitro.validator.backend.reconnect-initial-delay", "3s"),
        Map.entry("kinitro.validator.backend.reconnect-max-delay", "4s"),
        Map.entry("kinitro.validator.backend.heartbeat-interval", "5s"),
        Map.entry("kinitro.validator.backend.ack-timeout", "6s"),
        Map.entry("kinitro.validator.backend.ack-timeout-max", "7s"),
        Map.entry("kinitro.validator.backend.send-window", "8"),
        Map.entry("kinitro.validator.backend.relay-batch", "9"),
        Map.entry("kinitro.validator.backend.relay-poll-interval", "10s"),
        Map.entry("kinitro.validator.backend.max-refused-attempts", "11"))))
        .isEqualTo(new BackendProperties(URI.create("wss://api.example/ws/validator"), "k", Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(6),
            Duration.ofSeconds(7), 8, 9, Duration.ofSeconds(10), 11));
    assertThat(bind("kinitro.validator.hotkey", HotkeyProperties.class, Map.of(
        "kinitro.validator.hotkey.wallet-path", "/w", "kinitro.validator.hotkey.wallet-name", "vw",
        "kinitro.validator.hotkey.hotkey-name", "vh", "kinitro.validator.hotkey.secret-uri", "//Bob")))
        .isEqualTo(new HotkeyProperties(Path.of("/w"), "vw", "vh", "//Bob"));
    assertThat(bind("kinitro.validator.database", DatabaseProperties.class, Map.of(
        "kinitro.validator.database.url", "jdbc:postgresql://db/k", "kinitro.validator.database.username", "u",
        "kinitro.validator.database.password", "p", "kinitro.validator.database.pool-size", "4",
        "kinitro.validator.database.embedded-port", "6000")))
        .isEqualTo(new DatabaseProperties("jdbc:postgresql://db/k", "u", "p", 4, 6000));
    assertThat(bind("kinitro.validator.chain", ChainProperties.class, Map.of(
        "kinitro.validator.chain.url", "ws://127.0.0.1:9944", "kinitro.validator.chain.version-key", "7")))
        .isEqualTo(new ChainProperties(URI.create("ws://127.0.0.1:9944"), 7L));
    assertThat(bind("kinitro.validator.weights", WeightsProperties.class, Map.of(
        "kinitro.validator.weights.enabled", "false", "kinitro.validator.weights.check-interval", "1s",
        "kinitro.validator.weights.reapply-interval", "2m", "kinitro.validator.weights.block-time", "6s",
        "kinitro.validator.weights.lite-url", "http://b/weights", "kinitro.validator.weights.lite-poll-interval", "3s",
        "kinitro.validator.weights.lite-request-timeout", "4s", "kinitro.validator.weights.stale-threshold", "5s")))
        .isEqualTo(new WeightsProperties(false, Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofSeconds(6),
            URI.create("http://b/weights"), Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(5)));
    assertThat(bind("kinitro.validator.queue", QueueProperties.class, Map.of(
        "kinitro.validator.queue.job-queue", "q", "kinitro.validator.queue.heartbeat-interval", "1s",
        "kinitro.validator.queue.missed-heartbeats", "2", "kinitro.validator.queue.reaper-interval", "3s",
        "kinitro.validator.queue.finished-retention", "4d", "kinitro.validator.queue.stats-interval", "5s",
        "kinitro.validator.queue.job-max-attempts", "6")))
        .isEqualTo(new QueueProperties("q", Duration.ofSeconds(1), 2, Duration.ofSeconds(3), Duration.ofDays(4),
            Duration.ofSeconds(5), 6));
  }

  @Test
  void invalidValuesAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> bind("kinitro.validator.backend", BackendProperties.class,
        Map.of("kinitro.validator.backend.url", "http://backend/ws")))
        .isInstanceOf(BindException.class)
        .rootCause().isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.VALIDATOR_CONFIG_INVALID);
          assertThat(e.getMessage()).contains("kinitro.validator.backend.url");
        });
    assertThatThrownBy(() -> bind("kinitro.validator.queue", QueueProperties.class,
        Map.of("kinitro.validator.queue.heartbeat-interval", "0s")))
        .rootCause().hasMessageContaining("kinitro.validator.queue.heartbeat-interval");
  }

  @Test
  void secretsNeverAppearInToString() {
    assertThat(new BackendProperties(null, "kin_live_secret", null, null, null, null, null, null, null, null, null, null, null))
        .asString().doesNotContain("kin_live_secret");
    assertThat(new HotkeyProperties(null, null, null, "//Alice")).asString().doesNotContain("Alice");
    assertThat(new DatabaseProperties("jdbc:postgresql://db/k", "u", "hunter2", null, null)).asString().doesNotContain("hunter2");
  }
}
