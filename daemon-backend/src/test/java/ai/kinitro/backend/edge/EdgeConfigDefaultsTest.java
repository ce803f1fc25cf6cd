package ai.kinitro.backend.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.backend.chain.ChainConfig;
import ai.kinitro.backend.realtime.RealtimeConfig;
import ai.kinitro.backend.upload.UploadConfig;
import ai.kinitro.backend.vault.VaultConfig;
import ai.kinitro.backend.ws.validator.ValidatorChannelConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Pins the defaults and the key mapping of the upload, vault, chain, validator-channel and realtime configs. */
class EdgeConfigDefaultsTest {
  private static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
  }

  @Test
  void vaultDefaults() {
    VaultConfig c = bind("kinitro.vault", VaultConfig.class, Map.of());
    assertThat(c.bucket()).isEqualTo("kinitro-vault");
    assertThat(c.pathStyle()).isTrue();
    assertThat(c.uploadUrlTtl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.validatorUrlTtl()).isEqualTo(Duration.ofHours(6));
    assertThat(c.releaseUrlTtl()).isEqualTo(Duration.ofDays(7));
    assertThat(c.releaseRenewBefore()).isEqualTo(Duration.ofDays(1));
    assertThat(c.configured()).isFalse();
  }

  @Test
  void vaultKeysMapAndTheSecretIsNeverPrinted() {
    VaultConfig c = bind("kinitro.vault", VaultConfig.class, Map.of("kinitro.vault.endpoint", "http://127.0.0.1:9000",
        "kinitro.vault.access-key", "ak", "kinitro.vault.secret-key", "very-secret", "kinitro.vault.upload-url-ttl", "5m"));
    assertThat(c.endpoint()).hasToString("http://127.0.0.1:9000");
    assertThat(c.uploadUrlTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.configured()).isTrue();
    assertThat(c.toString()).doesNotContain("very-secret");
  }

  @Test
  void aUrlLifetimeAboveSevenDaysIsRefused() {
    assertThatThrownBy(() -> bind("kinitro.vault", VaultConfig.class, Map.of("kinitro.vault.release-url-ttl", "8d")))
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void uploadDefaults() {
    UploadConfig c = bind("kinitro.uploads", UploadConfig.class, Map.of());
    assertThat(c).isEqualTo(new UploadConfig(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(1), true));
  }

  @Test
  void uploadKeysMap() {
    UploadConfig c = bind("kinitro.uploads", UploadConfig.class, Map.of("kinitro.uploads.signature-window", "2m",
        "kinitro.uploads.pending-ttl", "3h", "kinitro.uploads.reap-interval", "0s", "kinitro.uploads.require-registration", "false"));
    assertThat(c).isEqualTo(new UploadConfig(Duration.ofMinutes(2), Duration.ofHours(3), Duration.ZERO, false));
  }

  @Test
  void chainDefaults() {
    ChainConfig c = bind("kinitro.chain", ChainConfig.class, Map.of());
    assertThat(c).isEqualTo(new ChainConfig(26, Duration.ofSeconds(30), Duration.ofMinutes(1), null, List.of()));
  }

  @Test
  void chainKeysMap() {
    ChainConfig c = bind("kinitro.chain", ChainConfig.class, Map.of("kinitro.chain.netuid", "1",
        "kinitro.chain.poll-interval", "12s", "kinitro.chain.metagraph-ttl", "5m",
        "kinitro.chain.endpoint", "wss://test.finney.opentensor.ai:443",
        "kinitro.chain.static-neurons[0].uid", "0", "kinitro.chain.static-neurons[0].hotkey", "5Owner",
        "kinitro.chain.static-neurons[0].validator-permit", "true"));
    assertThat(c).isEqualTo(new ChainConfig(1, Duration.ofSeconds(12), Duration.ofMinutes(5),
        java.net.URI.create("wss://test.finney.opentensor.ai:443"), List.of(new ChainConfig.StaticNeuron(0, "5Owner", true))));
  }

  @Test
  void validatorChannelDefaultsAndAllowedHotkeys() {
    ValidatorChannelConfig c = bind("kinitro.validators", ValidatorChannelConfig.class,
        Map.of("kinitro.validators.allowed-hotkeys", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"));
    assertThat(c.allowedHotkeys()).isEqualTo(Set.of("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"));
    assertThat(c.requirePermit()).isTrue();
    assertThat(c.challengeTtl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.ingestBatchSize()).isEqualTo(500);
    assertThat(c.sweepInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.assignmentChannel()).isEqualTo("kinitro_assignments");
  }

  @Test
  void realtimeDefaults() {
    RealtimeConfig c = bind("kinitro.realtime", RealtimeConfig.class, Map.of());
    assertThat(c.queueCapacity()).isEqualTo(1000);
    assertThat(c.channel()).isEqualTo("kinitro_realtime");
    assertThat(c.stepSampleEvery()).isEqualTo(10);
    assertThat(c.initialStateLimit()).isEqualTo(50);
    assertThat(c.statsInterval()).isEqualTo(Duration.ofSeconds(1));
  }
}
