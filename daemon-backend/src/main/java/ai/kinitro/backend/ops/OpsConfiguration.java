package ai.kinitro.backend.ops;

import ai.kinitro.backend.chain.ChainConfig;
import ai.kinitro.backend.chain.ChainMonitor;
import ai.kinitro.backend.job.AssignmentStatus;
import ai.kinitro.backend.loop.BackgroundLoop;
import ai.kinitro.backend.realtime.RealtimeHub;
import ai.kinitro.backend.scoring.ScoringLoop;
import ai.kinitro.backend.vault.VaultConfig;
import ai.kinitro.backend.vault.VaultService;
import ai.kinitro.backend.ws.validator.ValidatorChannel;
import ai.kinitro.backend.ws.validator.ValidatorConnections;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Health contributors ({@code /actuator/health}: {@code chain}, {@code vault}) and the backend's
 * meters ({@code /actuator/prometheus}).
 */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {
  /** Open assignments are counted at most this often. */
  static final Duration ASSIGNMENT_COUNT_TTL = Duration.ofSeconds(15);

  @Bean
  ChainHealthIndicator chainHealthIndicator(ChainConfig config, ChainMonitor monitor, HealthProperties settings, Clock clock) {
    return new ChainHealthIndicator(config, monitor::status, settings, clock);
  }

  @Bean
  VaultHealthIndicator vaultHealthIndicator(VaultConfig config, VaultService vault, HealthProperties settings, Clock clock) {
    return new VaultHealthIndicator(config, vault::checkBucket, settings.vaultProbeInterval(), clock);
  }

  @Bean
  MeterBinder backendMeters(ValidatorChannel channel, ValidatorConnections validators, RealtimeHub realtime,
      ScoringLoop scoring, ChainMonitor chain, ObjectProvider<BackgroundLoop> loops, JdbcTemplate jdbc, Clock clock) {
    OpenAssignments open = new OpenAssignments(jdbc, ASSIGNMENT_COUNT_TTL, clock);
    return registry -> {
      FunctionCounter.builder("kinitro.ingest.messages", channel, ValidatorChannel::storedMessages)
          .description("Validator reports stored (or recognised as duplicates) since start").register(registry);
      FunctionCounter.builder("kinitro.ingest.steps", channel, ValidatorChannel::storedSteps)
          .description("Episode step records written since start").register(registry);
      Gauge.builder("kinitro.ingest.backlog", channel, ValidatorChannel::ingestBacklog)
          .description("Validator reports waiting for the ingest writer").register(registry);
      Gauge.builder("kinitro.validators.connected", validators, ValidatorConnections::size)
          .description("Validators connected to this instance").register(registry);
      Gauge.builder("kinitro.realtime.clients", realtime, RealtimeHub::size)
          .description("Realtime clients connected to this instance").register(registry);
      for (AssignmentStatus status : AssignmentStatus.values()) {
        if (!status.terminal()) {
          Gauge.builder("kinitro.assignments.open", open, o -> o.count(status)).tag("status", status.name())
              .description("Job assignments not finished yet, by status").register(registry);
        }
      }
      FunctionTimer.builder("kinitro.score.cycle", scoring, ScoringLoop::runs, ScoringLoop::runNanos, TimeUnit.NANOSECONDS)
          .description("Completed score cycles and the time they took").register(registry);
      FunctionCounter.builder("kinitro.score.cycle.failures", scoring, ScoringLoop::failures)
          .description("Score cycles that failed").register(registry);
      Gauge.builder("kinitro.chain.block", chain, m -> m.status().lastBlock().map(Long::doubleValue).orElse(Double.NaN))
          .description("Chain block read by the last successful chain-monitor cycle").register(registry);
      Gauge.builder("kinitro.chain.consecutive.failures", chain, m -> m.status().consecutiveFailures())
          .description("Chain-monitor cycles failed since the last success").register(registry);
      TimeGauge.builder("kinitro.chain.scan.age", chain, TimeUnit.MILLISECONDS, m -> m.status().lastSuccess()
              .or(() -> m.status().started())
              .map(t -> (double) Duration.between(t, clock.instant()).toMillis()).orElse(Double.NaN))
          .description("Time since the last successful chain-monitor cycle (since the first cycle began before the "
              + "first success)")
          .register(registry);
      loops.orderedStream().forEach(loop -> {
        FunctionCounter.builder("kinitro.loop.iterations", loop, BackgroundLoop::iterations).tag("loop", loop.name())
            .description("Iterations of a background loop").register(registry);
        FunctionCounter.builder("kinitro.loop.failures", loop, BackgroundLoop::failures).tag("loop", loop.name())
            .description("Iterations of a background loop that failed").register(registry);
      });
    };
  }
}
