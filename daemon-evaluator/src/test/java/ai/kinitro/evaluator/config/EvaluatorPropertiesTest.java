package ai.kinitro.evaluator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.evaluator.database.DatabaseProperties;
import ai.kinitro.evaluator.episodes.EpisodeProperties;
import ai.kinitro.evaluator.orchestrator.OrchestratorProperties;
import ai.kinitro.evaluator.runtime.RuntimeProperties;
import ai.kinitro.evaluator.runtime.kubernetes.KubernetesProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** Pins every default and the key of every setting (Trino's TestXxxConfig pattern). */
class EvaluatorPropertiesTest {
  private static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, Bindable.of(type));
  }

  @Test
  void orchestratorDefaults() {
    OrchestratorProperties p = bind("kinitro.evaluator.orchestrator", OrchestratorProperties.class, Map.of());
    assertThat(p.concurrency()).isEqualTo(1);
    assertThat(p.queue()).isEqualTo("evaluation");
    assertThat(p.topic()).isEqualTo("backend");
    assertThat(p.owner()).startsWith("evaluator@");
    assertThat(p.pollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.missedHeartbeats()).isEqualTo(6);
    assertThat(p.reaperInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.shutdownDeadline()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.callTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.batchSize()).isEqualTo(1);
    assertThat(p.maxJobDuration()).isEqualTo(Duration.ofHours(1));
    assertThat(p.deadlineMargin()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.progressInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(p.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.downloadTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.archiveLimits().maxArchiveBytes()).isEqualTo(256L << 20);
    assertThat(p.archiveLimits().maxUnpackedBytes()).isEqualTo(1L << 30);
    assertThat(p.archiveLimits().maxEntries()).isEqualTo(10_000);
  }

  @Test
  void orchestratorKeys() {
    OrchestratorProperties p = bind("kinitro.evaluator.orchestrator", OrchestratorProperties.class, Map.ofEntries(
        Map.entry("kinitro.evaluator.orchestrator.concurrency", "3"),
        Map.entry("kinitro.evaluator.orchestrator.queue", "q"),
        Map.entry("kinitro.evaluator.orchestrator.topic", "t"),
        Map.entry("kinitro.evaluator.orchestrator.owner", "eval-1"),
        Map.entry("kinitro.evaluator.orchestrator.poll-interval", "1s"),
        Map.entry("kinitro.evaluator.orchestrator.heartbeat-interval", "2s"),
        Map.entry("kinitro.evaluator.orchestrator.missed-heartbeats", "4"),
        Map.entry("kinitro.evaluator.orchestrator.reaper-interval", "0s"),
        Map.entry("kinitro.evaluator.orchestrator.shutdown-deadline", "7s"),
        Map.entry("kinitro.evaluator.orchestrator.call-timeout", "250ms"),
        Map.entry("kinitro.evaluator.orchestrator.batch-size", "8"),
        Map.entry("kinitro.evaluator.orchestrator.max-job-duration", "20m"),
        Map.entry("kinitro.evaluator.orchestrator.deadline-margin", "5s"),
        Map.entry("kinitro.evaluator.orchestrator.progress-interval", "3s"),
        Map.entry("kinitro.evaluator.orchestrator.connect-timeout", "4s"),
        Map.entry("kinitro.evaluator.orchestrator.download-timeout", "6m"),
        Map.entry("kinitro.evaluator.orchestrator.max-archive-size", "10MB"),
        Map.entry("kinitro.evaluator.orchestrator.max-unpacked-size", "20MB"),
        Map.entry("kinitro.evaluator.orchestrator.max-archive-entries", "50")));
    assertThat(p).isEqualTo(new OrchestratorProperties(3, "q", "t", "eval-1", Duration.ofSeconds(1), Duration.ofSeconds(2), 4,
        Duration.ZERO, Duration.ofSeconds(7), Duration.ofMillis(250), 8, Duration.ofMinutes(20), Duration.ofSeconds(5),
        Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofMinutes(6), DataSize.ofMegabytes(10),
        DataSize.ofMegabytes(20), 50));
  }

  @Test
  void aConcurrencyBelowOneIsRefused() {
    assertThatThrownBy(() -> bind("kinitro.evaluator.orchestrator", OrchestratorProperties.class,
        Map.of("kinitro.evaluator.orchestrator.concurrency", "0")))
        .isInstanceOf(BindException.class).rootCause().hasMessageContaining("concurrency must be at least 1");
  }

  @Test
  void runtimeDefaultsAndKeys() {
    RuntimeProperties d = bind("kinitro.evaluator.runtime", RuntimeProperties.class, Map.of());
    assertThat(d).isEqualTo(RuntimeProperties.defaults());
    assertThat(d.mode()).isEqualTo(RuntimeProperties.Mode.LOCAL);
    assertThat(d.limits().startupTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.limits().wallTime()).isEqualTo(Duration.ofMinutes(30));
    assertThat(d.limits().cpuSeconds()).isEqualTo(1800);
    assertThat(d.limits().memoryBytes()).isEqualTo(4L << 30);

    RuntimeProperties p = bind("kinitro.evaluator.runtime", RuntimeProperties.class, Map.of(
        "kinitro.evaluator.runtime.mode", "kubernetes",
        "kinitro.evaluator.runtime.work-dir", "/var/lib/kinitro/evaluator",
        "kinitro.evaluator.runtime.require-sandbox", "true",
        "kinitro.evaluator.runtime.extra-read-only-paths", "/opt/jdk,/opt/models",
        "kinitro.evaluator.runtime.startup-timeout", "2m",
        "kinitro.evaluator.runtime.wall-time", "45m",
        "kinitro.evaluator.runtime.cpu-time", "1h",
        "kinitro.evaluator.runtime.memory", "2GB",
        "kinitro.evaluator.runtime.max-open-files", "256",
        "kinitro.evaluator.runtime.max-file-size", "16MB"));
    assertThat(p).isEqualTo(new RuntimeProperties(RuntimeProperties.Mode.KUBERNETES, Path.of("/var/lib/kinitro/evaluator"),
        true, List.of(Path.of("/opt/jdk"), Path.of("/opt/models")), Duration.ofMinutes(2), Duration.ofMinutes(45),
        Duration.ofHours(1), DataSize.ofGigabytes(2), 256, DataSize.ofMegabytes(16)));
  }

  @Test
  void kubernetesDefaultsAndKeys() {
    KubernetesProperties d = bind("kinitro.evaluator.kubernetes", KubernetesProperties.class,
        Map.of("kinitro.evaluator.kubernetes.instance", "eval-a"));
    assertThat(d.namespace()).isEqualTo("kinitro-agents");
    assertThat(d.agentImage()).isEqualTo(KubernetesProperties.DEFAULT_AGENT_IMAGE);
    assertThat(d.initCommand()).isEqualTo(KubernetesProperties.DEFAULT_INIT_COMMAND);
    assertThat(d.runAsUser()).isEqualTo(65534L);
    assertThat(d.agentPort()).isEqualTo(8000);
    assertThat(d.podStartTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(d.unschedulableGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.sweepInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(d.maxPodAge()).isEqualTo(Duration.ofHours(3));
    assertThat(d.evaluatorPodLabels()).isEqualTo(Map.of("app.kubernetes.io/name", "kinitro-evaluator"));
    assertThat(d.fetchEgressCidrs()).containsExactly("0.0.0.0/0");
    assertThat(d.instance()).isEqualTo("eval-a");

    KubernetesProperties p = bind("kinitro.evaluator.kubernetes", KubernetesProperties.class, Map.ofEntries(
        Map.entry("kinitro.evaluator.kubernetes.namespace", "ns"),
        Map.entry("kinitro.evaluator.kubernetes.agent-image", "a:1"),
        Map.entry("kinitro.evaluator.kubernetes.init-image", "i:1"),
        Map.entry("kinitro.evaluator.kubernetes.init-command", "/bin/pod-init"),
        Map.entry("kinitro.evaluator.kubernetes.run-as-user", "1000"),
        Map.entry("kinitro.evaluator.kubernetes.cpu-request", "250m"),
        Map.entry("kinitro.evaluator.kubernetes.cpu-limit", "1"),
        Map.entry("kinitro.evaluator.kubernetes.memory-request", "1GB"),
        Map.entry("kinitro.evaluator.kubernetes.workspace-size", "3GB"),
        Map.entry("kinitro.evaluator.kubernetes.tmp-size", "64MB"),
        Map.entry("kinitro.evaluator.kubernetes.agent-port", "9000"),
        Map.entry("kinitro.evaluator.kubernetes.pod-start-timeout", "1m"),
        Map.entry("kinitro.evaluator.kubernetes.unschedulable-grace", "10s"),
        Map.entry("kinitro.evaluator.kubernetes.poll-interval", "1s"),
        Map.entry("kinitro.evaluator.kubernetes.sweep-interval", "2m"),
        Map.entry("kinitro.evaluator.kubernetes.max-pod-age", "4h"),
        Map.entry("kinitro.evaluator.kubernetes.evaluator-pod-labels.app", "eval"),
        Map.entry("kinitro.evaluator.kubernetes.evaluator-cidrs", "10.1.0.0/16"),
        Map.entry("kinitro.evaluator.kubernetes.fetch-egress-cidrs", "203.0.113.7/32"),
        Map.entry("kinitro.evaluator.kubernetes.egress-lock-timeout", "30s"),
        Map.entry("kinitro.evaluator.kubernetes.instance", "eval-b"),
        Map.entry("kinitro.evaluator.kubernetes.onnx-image", "o:1"),
        Map.entry("kinitro.evaluator.kubernetes.onnx-command", "/opt/jdk/bin/java,-cp,/opt/runner.jar,Runner"),
        Map.entry("kinitro.evaluator.kubernetes.watch-pods", "false")));
    assertThat(p).isEqualTo(new KubernetesProperties("ns", "a:1", "i:1", List.of("/bin/pod-init"), 1000L, "250m", "1",
        DataSize.ofGigabytes(1), DataSize.ofGigabytes(3), DataSize.ofMegabytes(64), 9000, Duration.ofMinutes(1),
        Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofHours(4), Map.of("app", "eval"),
        List.of("10.1.0.0/16"), List.of("203.0.113.7/32"), Duration.ofSeconds(30), "eval-b", "o:1",
        List.of("/opt/jdk/bin/java", "-cp", "/opt/runner.jar", "Runner"), false));
  }

  @Test
  void episodeDefaultsAndKeys() {
    EpisodeProperties d = bind("kinitro.evaluator.episodes", EpisodeProperties.class, Map.of());
    assertThat(d).isEqualTo(EpisodeProperties.defaults());
    assertThat(d.stepLogInterval()).isEqualTo(10);
    assertThat(d.stepBatchSize()).isEqualTo(100);
    assertThat(d.imageSize()).isEqualTo(64);
    assertThat(d.frames().bucketName()).isEmpty();
    assertThat(d.frames().logBundles()).isTrue();
    assertThat(d.frames().logBundleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.frames().publicBase()).isEmpty();
    assertThat(d.frames().presign()).isEmpty();

    EpisodeProperties p = bind("kinitro.evaluator.episodes", EpisodeProperties.class, Map.ofEntries(
        Map.entry("kinitro.evaluator.episodes.step-log-interval", "5"),
        Map.entry("kinitro.evaluator.episodes.step-batch-size", "50"),
        Map.entry("kinitro.evaluator.episodes.image-size", "128"),
        Map.entry("kinitro.evaluator.episodes.frames.bucket", "frames"),
        Map.entry("kinitro.evaluator.episodes.frames.endpoint", "http://127.0.0.1:9000"),
        Map.entry("kinitro.evaluator.episodes.frames.region", "eu-west-1"),
        Map.entry("kinitro.evaluator.episodes.frames.access-key", "ak"),
        Map.entry("kinitro.evaluator.episodes.frames.secret-key", "sk"),
        Map.entry("kinitro.evaluator.episodes.frames.path-style", "false"),
        Map.entry("kinitro.evaluator.episodes.frames.key-prefix", "obs/"),
        Map.entry("kinitro.evaluator.episodes.frames.create-bucket", "true"),
        Map.entry("kinitro.evaluator.episodes.frames.log-bundles", "false"),
        Map.entry("kinitro.evaluator.episodes.frames.log-bundle-timeout", "45s"),
        Map.entry("kinitro.evaluator.episodes.frames.public-url-base", "https://frames.example.org/"),
        Map.entry("kinitro.evaluator.episodes.frames.presign-ttl", "7d")));
    assertThat(p).isEqualTo(new EpisodeProperties(5, 50, 128, new EpisodeProperties.Frames("frames",
        URI.create("http://127.0.0.1:9000"), "eu-west-1", "ak", "sk", false, "obs", true, false, Duration.ofSeconds(45),
        "https://frames.example.org", Duration.ofDays(7))));
    assertThat(p.frames().toString()).doesNotContain("sk");
  }

  @Test
  void aLogBundleTimeoutOutsideOneSecondToTenMinutesIsRefused() {
    assertThatThrownBy(() -> bind("kinitro.evaluator.episodes", EpisodeProperties.class,
        Map.of("kinitro.evaluator.episodes.frames.log-bundle-timeout", "0s")))
        .isInstanceOf(BindException.class).rootCause().hasMessageContaining("log-bundle-timeout must be 1s to 10m");
  }

  @Test
  void aPublicUrlBaseThatIsNotAnAbsoluteHttpUrlOrAPresignTtlOverSevenDaysIsRefusedAtBinding() {
    assertThatThrownBy(() -> bind("kinitro.evaluator.episodes", EpisodeProperties.class,
        Map.of("kinitro.evaluator.episodes.frames.public-url-base", "frames.example.org")))
        .isInstanceOf(BindException.class).rootCause()
        .hasMessageStartingWith("kinitro.evaluator.episodes.frames.public-url-base must start with http:// or https://");
    assertThatThrownBy(() -> bind("kinitro.evaluator.episodes", EpisodeProperties.class,
        Map.of("kinitro.evaluator.episodes.frames.presign-ttl", "8d")))
        .isInstanceOf(BindException.class).rootCause()
        .hasMessageStartingWith("kinitro.evaluator.episodes.frames.presign-ttl must be 1m to 7d");
  }

  @Test
  void databaseDefaultsAndKeysWithoutPrintingThePassword() {
    DatabaseProperties d = bind("kinitro.evaluator.database", DatabaseProperties.class, Map.of());
    assertThat(d.configured()).isFalse();
    assertThat(d.poolSize()).isEqualTo(8);

    DatabaseProperties p = bind("kinitro.evaluator.database", DatabaseProperties.class, Map.of(
        "kinitro.evaluator.database.url", "jdbc:postgresql://db/validator",
        "kinitro.evaluator.database.username", "kinitro",
        "kinitro.evaluator.database.password", "hunter2",
        "kinitro.evaluator.database.pool-size", "4"));
    assertThat(p).isEqualTo(new DatabaseProperties("jdbc:postgresql://db/validator", "kinitro", "hunter2", 4));
    assertThat(p.toString()).doesNotContain("hunter2");
  }
}
