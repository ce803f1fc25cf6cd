package ai.kinitro.validator.link;

import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.validator.ValidatorMessage;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.job.JobQueue;
import ai.kinitro.queue.notify.PgWakeups;
import ai.kinitro.queue.outbox.Outbox;
import ai.kinitro.validator.ManagedDuty;
import ai.kinitro.validator.config.BackendProperties;
import ai.kinitro.validator.config.QueueProperties;
import ai.kinitro.validator.config.ValidatorProperties;
import ai.kinitro.validator.identity.ValidatorIdentity;
import ai.kinitro.validator.intake.JobIntake;
import ai.kinitro.validator.queueing.QueueConfiguration;
import ai.kinitro.validator.queueing.QueueSampler;
import ai.kinitro.validator.relay.OutboxRelay;
import ai.kinitro.validator.relay.RefusalPolicy;
import ai.kinitro.validator.weights.WeightsInbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The backend link, job intake and relay: full mode only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kinitro.validator.mode", havingValue = "full", matchIfMissing = true)
class LinkConfiguration {
  @Bean
  JobIntake jobIntake(DataSource dataSource, JobQueue jobs, Outbox outbox, ProtocolCodec<ValidatorMessage> codec,
      InstantSource clock, QueueProperties queue, MeterRegistry metrics) {
    return new JobIntake(dataSource, jobs, outbox, codec, clock, queue.jobQueue(), QueueConfiguration.BACKEND_TOPIC,
        queue.jobMaxAttempts(), metrics);
  }

  @Bean
  OutboxRelay outboxRelay(Outbox outbox, PgWakeups wakeups, InstantSource clock, BackendProperties backend,
      ValidatorProperties validator, MeterRegistry metrics) {
    return new OutboxRelay(outbox, wakeups, clock, new RefusalPolicy(backend.maxRefusedAttempts()),
        new RetryPolicy(backend.ackTimeout(), backend.ackTimeoutMax(), 2.0), QueueConfiguration.BACKEND_TOPIC,
        validator.instanceName(), backend.sendWindow(), backend.relayBatch(), metrics);
  }

  @Bean
  BackendLink backendLink(BackendProperties backend, ValidatorIdentity identity, ProtocolCodec<ValidatorMessage> codec,
      JobIntake intake, WeightsInbox weights, ValidatorProperties validator, OutboxRelay relay, PgWakeups wakeups,
      QueueSampler sampler, InstantSource clock, MeterRegistry metrics) {
    return new BackendLink(backend, identity, codec, intake, weights, validator.netuid(), relay, wakeups, sampler::queueStats,
        clock, new SecureRandom(), metrics);
  }

  @Bean
  ManagedDuty linkDuty(BackendLink link) {
    return new ManagedDuty("backend link", ManagedDuty.LINK, link::start, link::close);
  }
}
