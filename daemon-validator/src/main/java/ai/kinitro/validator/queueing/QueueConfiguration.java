package ai.kinitro.validator.queueing;

import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.validator.ValidatorMessage;
import ai.kinitro.common.protocol.validator.ValidatorProtocol;
import ai.kinitro.queue.BackgroundLoop;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.job.DeadJobReaper;
import ai.kinitro.queue.job.JobQueue;
import ai.kinitro.queue.notify.PgWakeups;
import ai.kinitro.queue.outbox.Outbox;
import ai.kinitro.validator.ManagedDuty;
import ai.kinitro.validator.config.BackendProperties;
import ai.kinitro.validator.config.QueueProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Queue beans and the validator's queue duties. */
@Configuration(proxyBeanMethods = false)
public class QueueConfiguration {
  /** The outbox topic of messages to the backend. */
  public static final String BACKEND_TOPIC = "backend";

  private static final Logger LOG = LoggerFactory.getLogger(QueueConfiguration.class);

  @Bean
  InstantSource clock() {
    return Clock.systemUTC();
  }

  @Bean
  ProtocolCodec<ValidatorMessage> validatorCodec() {
    return ValidatorProtocol.validatorCodec();
  }

  @Bean
  JobQueue jobQueue(DataSource dataSource, InstantSource clock) {
    return new JobQueue(dataSource, clock, RetryPolicy.DEFAULT);
  }

  @Bean
  Outbox outbox(DataSource dataSource, InstantSource clock, BackendProperties backend) {
    return new Outbox(dataSource, clock, new RetryPolicy(backend.ackTimeout(), backend.ackTimeoutMax(), 2.0));
  }

  @Bean
  PgWakeups wakeups(DataSource dataSource) {
    return new PgWakeups(dataSource, List.of(JobQueue.CHANNEL, Outbox.CHANNEL), Duration.ofSeconds(5));
  }

  @Bean
  ManagedDuty wakeupsDuty(PgWakeups wakeups, MeterRegistry metrics) {
    FunctionCounter.builder("kinitro.loop.failures", wakeups, PgWakeups::failures).tag("loop", "kq-listen").register(metrics);
    return new ManagedDuty("queue wake-ups", ManagedDuty.WAKEUPS, wakeups::start, wakeups::close);
  }

  @Bean
  QueueSampler queueSampler(JobQueue jobs, Outbox outbox, QueueProperties settings, MeterRegistry metrics) {
    return new QueueSampler(jobs, outbox, settings.jobQueue(), BACKEND_TOPIC, metrics);
  }

  @Bean
  ManagedDuty queueDuties(JobQueue jobs, QueueSampler sampler, QueueProperties settings, InstantSource clock, MeterRegistry metrics) {
    DeadJobReaper reaper = new DeadJobReaper(jobs,
        new DeadJobReaper.Settings(settings.heartbeatInterval(), settings.missedHeartbeats(), settings.reaperInterval()));
    FunctionCounter.builder("kinitro.queue.reaped", reaper, DeadJobReaper::reaped)
        .description("Jobs taken back from consumers that stopped heartbeating").register(metrics);
    AtomicReference<BackgroundLoop> sampling = new AtomicReference<>();
    AtomicReference<BackgroundLoop> purging = new AtomicReference<>();
    return new ManagedDuty("queue duties", ManagedDuty.QUEUE,
        () -> {
          reaper.start();
          sampling.set(BackgroundLoop.start("validator-queue-stats", () -> {
            sampler.sampleOnce();
            return false;
          }, BackgroundLoop.Pause.sleep(settings.statsInterval())));
          purging.set(BackgroundLoop.start("validator-queue-purge", () -> {
            int purged = jobs.purgeFinished(clock.instant().minus(settings.finishedRetention()));
            if (purged > 0) {
              LOG.info("Purged {} finished job(s) older than {}", purged, settings.finishedRetention());
            }
            return false;
          }, BackgroundLoop.Pause.sleep(Duration.ofHours(1))));
          FunctionCounter.builder("kinitro.loop.failures", sampling.get(), BackgroundLoop::failures).tag("loop", "validator-queue-stats")
              .register(metrics);
          FunctionCounter.builder("kinitro.loop.failures", reaper, DeadJobReaper::failures).tag("loop", "kq-reaper").register(metrics);
        },
        () -> {
          close(purging.get());
          close(sampling.get());
          reaper.close();
        });
  }

  private static void close(BackgroundLoop loop) {
    if (loop != null) {
      loop.close();
    }
  }
}
