package ai.kinitro.backend.chain;

import ai.kinitro.backend.job.JobService;
import ai.kinitro.backend.submission.SubmissionRepository;
import ai.kinitro.backend.loop.BackgroundLoop;
import ai.kinitro.backend.realtime.RealtimePublisher;
import ai.kinitro.backend.vault.VaultService;
import ai.kinitro.backend.metagraph.MetagraphSource;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the chain port, membership and the chain monitor loop. */
@Configuration(proxyBeanMethods = false)
class ChainConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(ChainConfiguration.class);

  /** The chain client when {@code kinitro.chain.endpoint} is set; else a static chain. */
  @Bean
  SubnetChain subnetChain(ChainConfig config) {
    if (config.endpoint() != null) {
      LOG.info("Reading subnet {} from the chain at {}", config.netuid(), config.endpoint());
      return new ChainClientSubnetChain(
          ai.kinitro.common.chain.client.SubstrateChainClient.connect(config.endpoint()), config.netuid());
    }
    LOG.warn("kinitro.chain.endpoint is not set: a static metagraph, no commitments (no submission will arrive)");
    return new StaticSubnetChain(config.netuid(), config.staticNeurons().stream()
        .map(n -> new Neuron(n.uid(), n.hotkey(), n.validatorPermit(), 0)).toList());
  }

  @Bean
  SubnetMembership subnetMembership(SubnetChain chain, Clock clock, ChainConfig config) {
    return new SubnetMembership(chain, clock, config.metagraphTtl());
  }

  /** With a real chain, the score cycle's metagraph is the chain's too (not the configured table). */
  @Bean
  @Primary
  @ConditionalOnProperty("kinitro.chain.endpoint")
  MetagraphSource chainMetagraphSource(SubnetMembership membership) {
    return new ChainMetagraphSource(membership);
  }

  @Bean
  ChainMonitor chainMonitor(SubnetChain chain, SubnetMembership membership, VaultService vault, JdbcTemplate jdbc,
      TransactionTemplate tx, SubmissionRepository submissions, JobService jobs, RealtimePublisher realtime, Clock clock) {
    return new ChainMonitor(chain, membership, vault, jdbc, tx, submissions, jobs, realtime, clock);
  }

  @Bean
  BackgroundLoop chainMonitorLoop(ChainMonitor monitor, ChainConfig config) {
    return new BackgroundLoop("chain-monitor", config.pollInterval(), monitor::pollOnce);
  }

}
