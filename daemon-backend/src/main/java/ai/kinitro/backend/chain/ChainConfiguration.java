package ai.kinitro.backend.chain;

import ai.kinitro.backend.job.JobService;
import ai.kinitro.backend.submission.SubmissionRepository;
import ai.kinitro.backend.loop.BackgroundLoop;
import ai.kinitro.backend.realtime.RealtimePublisher;
import ai.kinitro.backend.vault.VaultService;
import ai.kinitro.backend.metagraph.DatabaseMetagraphSource;
import ai.kinitro.backend.metagraph.MetagraphSource;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
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

  /**
   * The chain client when {@code kinitro.chain.endpoint} is set; else a static chain. Closed with
   * the application context (the client's socket and threads must not outlive the backend).
   */
  @Bean(destroyMethod = "close")
  SubnetChain subnetChain(ChainConfig config, SubnetSettings subnet) {
    if (config.endpoint() != null) {
      LOG.info("Reading subnet {} from the chain at {}", subnet.netuid(), config.endpoint());
      return new ChainClientSubnetChain(
          ai.kinitro.common.chain.client.SubstrateChainClient.connect(config.endpoint()), subnet.netuid());
    }
    LOG.warn(noEndpointWarning(subnet));
    return new StaticSubnetChain(subnet.netuid(), subnet.staticNeurons().stream()
        .map(n -> new Neuron(n.uid(), n.hotkey(), n.validatorPermit(), 0)).toList());
  }

  /** The start-up warning of a backend without a chain endpoint. */
  static String noEndpointWarning(SubnetSettings subnet) {
    return "kinitro.chain.endpoint is not set: this backend reads NO chain. Subnet " + subnet.netuid() + " is a static "
        + "metagraph of " + subnet.staticNeurons().size() + " neuron(s) from kinitro.chain.static-neurons and has no "
        + "commitments, so NO miner submission will ever arrive. For a real subnet set kinitro.chain.endpoint "
        + "(KINITRO_CHAIN_ENDPOINT), e.g. wss://entrypoint-finney.opentensor.ai:443 (finney) or "
        + "wss://test.finney.opentensor.ai:443 (testnet)";
  }

  /**
   * Without a chain, writes the static neurons into the metagraph table at start-up so the score
   * cycle sees the same neurons as membership checks (only when some are configured and the table
   * source is in use).
   */
  @Bean
  ApplicationRunner staticMetagraph(SubnetSettings subnet, MetagraphSource source) {
    return args -> {
      if (!subnet.staticNeurons().isEmpty() && source instanceof DatabaseMetagraphSource db) {
        db.replace(subnet.staticNeurons().stream()
            .map(n -> new ai.kinitro.backend.metagraph.Neuron(n.uid(), n.hotkey(), n.validatorPermit())).toList());
      }
    };
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
