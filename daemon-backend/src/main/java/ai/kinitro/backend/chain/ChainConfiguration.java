package ai.kinitro.backend.chain;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.loop.BackgroundLoop;
import ai.kinitro.backend.realtime.RealtimePublisher;
import ai.kinitro.backend.vault.VaultService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the chain port, membership, task seeds and the chain monitor loop. */
@Configuration(proxyBeanMethods = false)
class ChainConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(ChainConfiguration.class);

  /** The static chain; replaced by a chain-client-backed bean when one is configured. */
  @Bean
  SubnetChain subnetChain(ChainConfig config) {
    return new StaticSubnetChain(config.netuid(), config.staticNeurons().stream()
        .map(n -> new Neuron(n.uid(), n.hotkey(), n.validatorPermit(), 0)).toList());
  }

  @Bean
  SubnetMembership subnetMembership(SubnetChain chain, Clock clock, ChainConfig config) {
    return new SubnetMembership(chain, clock, config.metagraphTtl());
  }

  @Bean
  TaskSeeds taskSeeds(ChainConfig config) {
    return new TaskSeeds(secret(config.seedSecret()));
  }

  @Bean
  ChainMonitor chainMonitor(SubnetChain chain, SubnetMembership membership, VaultService vault, JdbcTemplate jdbc,
      TransactionTemplate tx, IdGenerator ids, TaskSeeds seeds, RealtimePublisher realtime,
      ValidatorEligibility eligibility, Clock clock) {
    return new ChainMonitor(chain, membership, vault, jdbc, tx, ids, seeds, realtime, eligibility, clock);
  }

  @Bean
  BackgroundLoop chainMonitorLoop(ChainMonitor monitor, ChainConfig config) {
    return new BackgroundLoop("chain-monitor", config.pollInterval(), monitor::pollOnce);
  }

  static byte[] secret(String configured) {
    if (configured == null || configured.isBlank()) {
      LOG.warn("kinitro.chain.seed-secret is not set: task seeds use a random secret of this process. "
          + "Set the same secret on every backend instance in production.");
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      return random;
    }
    String s = configured.strip();
    byte[] bytes = s.matches("(0x)?[0-9a-fA-F]+") && s.length() % 2 == 0
        ? HexFormat.of().parseHex(s.startsWith("0x") ? s.substring(2) : s)
        : Base64.getDecoder().decode(s);
    if (bytes.length < 16) {
      throw new IllegalArgumentException("kinitro.chain.seed-secret must hold at least 16 bytes (hex or base64)");
    }
    return bytes;
  }
}
