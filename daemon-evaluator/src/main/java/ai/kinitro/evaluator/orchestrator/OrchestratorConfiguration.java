package ai.kinitro.evaluator.orchestrator;

import ai.kinitro.common.protocol.validator.ValidatorProtocol;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.evaluator.artifact.ArtifactFetcher;
import ai.kinitro.evaluator.episodes.EpisodeProperties;
import ai.kinitro.evaluator.episodes.FrameStore;
import ai.kinitro.evaluator.episodes.S3EvaluationStore;
import ai.kinitro.evaluator.logs.LogBundleStore;
import ai.kinitro.evaluator.logs.LogBundles;
import ai.kinitro.evaluator.report.BackendReports;
import ai.kinitro.evaluator.runtime.AgentRuntimes;
import ai.kinitro.evaluator.runtime.LocalAgentRuntimes;
import ai.kinitro.evaluator.runtime.RuntimeProperties;
import ai.kinitro.evaluator.runtime.kubernetes.KubernetesAgentRuntimes;
import ai.kinitro.evaluator.runtime.kubernetes.KubernetesProperties;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.job.JobQueue;
import ai.kinitro.queue.notify.PgWakeups;
import ai.kinitro.queue.outbox.Outbox;
import ai.kinitro.rollout.runtime.LocalSandboxRuntime;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the orchestrator when a database is configured. Agents run in the local sandbox unless
 * {@code kinitro.evaluator.runtime.mode=kubernetes}. Failed jobs come back after 15 s, doubling
 * up to 10 min ({@link #RETRY}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "kinitro.evaluator.database", name = "url")
class OrchestratorConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(OrchestratorConfiguration.class);
  static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(15), Duration.ofMinutes(10), 2.0);

  @Bean
  JobQueue jobQueue(DataSource dataSource, Clock clock) {
    return new JobQueue(dataSource, clock, RETRY);
  }

  @Bean
  Outbox outbox(DataSource dataSource, Clock clock) {
    return new Outbox(dataSource, clock, RetryPolicy.DEFAULT);
  }

  @Bean(destroyMethod = "close")
  PgWakeups jobWakeups(DataSource dataSource) {
    return new PgWakeups(dataSource, List.of(JobQueue.CHANNEL), Duration.ofSeconds(5)).start();
  }

  @Bean
  BackendReports backendReports(Outbox outbox, OrchestratorProperties props, Clock clock) {
    return new BackendReports(outbox, ValidatorProtocol.validatorCodec(), props.topic(), clock);
  }

  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService artifactWatchdog() {
    return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("artifact-watchdog").factory());
  }

  @Bean
  ArtifactFetcher artifactFetcher(OrchestratorProperties props, ScheduledExecutorService artifactWatchdog) {
    return new ArtifactFetcher(new ArtifactFetcher.Settings(props.connectTimeout(), props.downloadTimeout()), artifactWatchdog);
  }

  @Bean
  EnvironmentRegistry environmentRegistry() {
    return EnvironmentRegistry.standard();
  }

  /** Closed by the orchestrator (its shutdown order), not by Spring. */
  @Bean(destroyMethod = "")
  AgentRuntimes agentRuntimes(RuntimeProperties runtime, KubernetesProperties kubernetes, Clock clock) {
    return switch (runtime.mode()) {
      case LOCAL -> {
        LocalSandboxRuntime.Config config = LocalSandboxRuntime.Config.detect(runtime.workDir().resolve("agents"))
            .withExtraReadOnlyPaths(runtime.extraReadOnlyPaths());
        if (runtime.requireSandbox()) {
          config = config.requiringSandbox();
        }
        LocalAgentRuntimes local = new LocalAgentRuntimes(config);
        if (!config.sandboxAvailable()) {
          LOG.warn("bubblewrap or socat is missing: agents run as a {}. Install the Debian packages 'bubblewrap' and "
              + "'socat', or set kinitro.evaluator.runtime.require-sandbox=true to refuse to run agents without them",
              local.isolation().description());
        }
        yield local;
      }
      case KUBERNETES -> new KubernetesAgentRuntimes(new KubernetesClientBuilder().build(), kubernetes, clock).startSweeper();
    };
  }

  /** The bucket for frames and log bundles, if one is configured; closed with the context. */
  record EvaluationStore(Optional<S3EvaluationStore> store, boolean logBundles) implements AutoCloseable {
    Optional<FrameStore> asFrameStore() {
      return store.map(FrameStore.class::cast);
    }

    Optional<LogBundleStore> asLogBundleStore() {
      return logBundles ? store.map(LogBundleStore.class::cast) : Optional.empty();
    }

    @Override
    public void close() {
      store.ifPresent(S3EvaluationStore::close);
    }
  }

  @Bean(destroyMethod = "close")
  EvaluationStore evaluationStore(EpisodeProperties episodes, Clock clock) {
    return new EvaluationStore(S3EvaluationStore.create(episodes.frames(), clock), episodes.frames().logBundles());
  }

  @Bean
  LogBundles logBundles(EvaluationStore store) {
    return new LogBundles(store.asLogBundleStore());
  }

  @Bean
  Orchestrator orchestrator(JobQueue queue, PgWakeups jobWakeups, AgentRuntimes runtimes, OrchestratorProperties props,
      RuntimeProperties runtime, EpisodeProperties episodes, BackendReports reports, ArtifactFetcher fetcher,
      EnvironmentRegistry registry, EvaluationStore store, LogBundles logBundles, Clock clock) {
    return new Orchestrator(queue, jobWakeups, runtimes, props, stopping -> new EvaluationHandler(
        ValidatorProtocol.validatorCodec(), reports, fetcher, runtimes, registry, store.asFrameStore(), logBundles, props,
        runtime, episodes, clock, stopping));
  }

  /** Starts the orchestrator once the context is up and stops it first, in its own order. */
  @Bean
  SmartLifecycle orchestratorLifecycle(Orchestrator orchestrator) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        orchestrator.start();
        running = true;
      }

      @Override
      public void stop() {
        orchestrator.close();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }
    };
  }
}
