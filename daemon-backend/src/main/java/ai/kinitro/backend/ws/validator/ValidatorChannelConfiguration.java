package ai.kinitro.backend.ws.validator;

import ai.kinitro.backend.chain.SubnetMembership;
import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.job.JobEvents;
import ai.kinitro.backend.job.JobsProperties;
import ai.kinitro.backend.loop.BackgroundLoop;
import ai.kinitro.backend.realtime.RealtimeConfig;
import ai.kinitro.backend.realtime.RealtimePublisher;
import ai.kinitro.backend.result.FrameUrls;
import ai.kinitro.backend.vault.VaultService;
import ai.kinitro.backend.weights.WeightsChanged;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.validator.ValidatorProtocol;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** Wires the validator channel: handler, delivery, ingestion, heartbeats, weights and their loops. */
@Configuration(proxyBeanMethods = false)
class ValidatorChannelConfiguration {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ValidatorChannelConfiguration.class);
  private final ValidatorChannelHandler handler;
  final ValidatorConnections connections = new ValidatorConnections();
  final JobDelivery delivery;
  final IngestPipeline ingest;
  final WeightsPusher weights;
  final HeartbeatMonitor heartbeats;
  final ValidatorChannelConfig config;
  final AssignmentNotifications.Sender notifications;
  private final java.time.Duration listenerRetryDelay;

  ValidatorChannelConfiguration(ValidatorChannelConfig config, JdbcTemplate jdbc, TransactionTemplate tx, VaultService vault,
      SubnetMembership membership, IdGenerator ids, RealtimePublisher realtime, RealtimeConfig realtimeConfig,
      JobsProperties jobs, FrameUrls frames, Clock clock) {
    this.config = config;
    this.listenerRetryDelay = realtimeConfig.listenerRetryDelay();
    this.notifications = new AssignmentNotifications.Sender(jdbc, config.assignmentChannel());
    AssignmentLifecycle lifecycle = new AssignmentLifecycle(jdbc, ids, jobs.maxAttempts());
    this.delivery = new JobDelivery(jdbc, tx, vault, connections, lifecycle, realtime, notifications, config, ids,
        jobs.assignmentDeadline(), clock);
    this.ingest = new IngestPipeline(jdbc, tx, ids, lifecycle, realtime, notifications, realtimeConfig, frames, config,
        clock);
    this.weights = new WeightsPusher(jdbc, connections, config, clock);
    this.heartbeats = new HeartbeatMonitor(jdbc, connections, config, clock);
    this.handler = new ValidatorChannelHandler(ValidatorProtocol.backendCodec(),
        new ValidatorAuthenticator(jdbc, membership, config, clock), connections, delivery, ingest, weights, realtime, jdbc,
        config, "i" + ids.instanceId(), clock);
  }

  /**
   * The {@code /ws/validator} endpoint: only in a servlet web application (the admin command line
   * starts the same context without a web server, and WebSocket support needs a ServletContext).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @EnableWebSocket
  static class Endpoint implements WebSocketConfigurer {
    private final ValidatorChannelHandler handler;

    Endpoint(ValidatorChannelConfiguration channel) {
      this.handler = channel.handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
      registry.addHandler(handler, ValidatorProtocol.PATH).setAllowedOriginPatterns("*");
    }

    /** Frames up to the protocol's 1 MiB (Tomcat's default buffer is 8 KiB). */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
      var container = new ServletServerContainerFactoryBean();
      container.setMaxTextMessageBufferSize(ProtocolCodec.DEFAULT_MAX_FRAME_BYTES + 1024);
      container.setMaxBinaryMessageBufferSize(64 * 1024);
      return container;
    }
  }

  @Bean
  ValidatorConnections validatorConnections() {
    return connections;
  }

  @Bean
  IngestPipeline validatorIngestPipeline() {
    return ingest;
  }

  @Bean
  ValidatorChannel validatorChannel() {
    return new ValidatorChannel(delivery, weights, heartbeats, ingest);
  }

  /**
   * New jobs are pushed at once to their validators connected here; the others are announced on
   * the assignment channel, so the instance holding their connection pushes them (the sweep is the
   * safety net).
   */
  @TransactionalEventListener(fallbackExecution = true)
  void onJobsCreated(JobEvents.JobsCreated created) {
    try {
      created.validators().stream().filter(connections::connected).forEach(delivery::deliverTo);
      notifications.queued(created.validators().stream().filter(h -> !connections.connected(h)).toList());
    } catch (RuntimeException e) {
      // the jobs are committed; the sweep delivers them
      LOG.warn("Immediate delivery of jobs {} failed; the sweep delivers them", created.jobIds(), e);
    }
  }

  @Bean
  AssignmentNotifications.Listener validatorAssignmentListener(javax.sql.DataSource dataSource) {
    return new AssignmentNotifications.Listener(dataSource, config.assignmentChannel(), listenerRetryDelay, delivery::deliverTo);
  }

  /** A new weights snapshot is pushed at once. */
  @TransactionalEventListener(fallbackExecution = true)
  void onWeightsChanged(WeightsChanged changed) {
    weights.pollOnce();
  }

  @Bean
  BackgroundLoop validatorDeliveryLoop() {
    return new BackgroundLoop("validator-delivery", config.sweepInterval(), delivery::pollOnce);
  }

  @Bean
  BackgroundLoop validatorHeartbeatLoop() {
    Duration half = config.heartbeatInterval().dividedBy(2);
    Duration every = config.sweepInterval().isZero() ? Duration.ZERO
        : (half.compareTo(Duration.ofSeconds(5)) < 0 ? half : Duration.ofSeconds(5));
    return new BackgroundLoop("validator-heartbeats", every, heartbeats::pollOnce);
  }

  @Bean
  BackgroundLoop validatorWeightsLoop() {
    Duration every = config.sweepInterval().isZero() ? Duration.ZERO : Duration.ofSeconds(15);
    return new BackgroundLoop("validator-weights", every, weights::pollOnce);
  }
}
