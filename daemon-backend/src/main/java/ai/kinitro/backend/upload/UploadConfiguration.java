package ai.kinitro.backend.upload;

import ai.kinitro.backend.chain.SubnetMembership;
import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.loop.BackgroundLoop;
import ai.kinitro.backend.nonce.JdbcNonceStore;
import ai.kinitro.backend.vault.VaultService;
import ai.kinitro.common.crypto.Sr25519;
import ai.kinitro.common.signing.RequestVerifier;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires upload verification (one verifier per signing domain, sharing the PostgreSQL nonces), the
 * upload service and the expiry reaper.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {
  @Bean
  UploadService uploadService(SubnetMembership membership, VaultService vault, JdbcTemplate jdbc, JdbcClient jdbcClient,
      TransactionTemplate tx, IdGenerator ids, UploadConfig config, Clock clock) {
    JdbcNonceStore nonces = new JdbcNonceStore(jdbcClient, JdbcNonceStore.SCOPE_SIGNED_REQUEST);
    RequestVerifier verifier = new RequestVerifier(UploadConfig.SIGNING_DOMAIN, Sr25519::verify, nonces, clock,
        config.signatureWindow());
    RequestVerifier renewals = new RequestVerifier(UploadConfig.RENEWAL_SIGNING_DOMAIN, Sr25519::verify, nonces, clock,
        config.signatureWindow());
    return new UploadService(verifier, renewals, membership, vault, jdbc, tx, ids, config, clock);
  }

  @Bean
  BackgroundLoop uploadReaperLoop(UploadService uploads, JdbcClient jdbcClient, UploadConfig config, Clock clock) {
    JdbcNonceStore nonces = new JdbcNonceStore(jdbcClient, JdbcNonceStore.SCOPE_SIGNED_REQUEST);
    return new BackgroundLoop("upload-reaper", config.reapInterval(), () -> {
      uploads.expirePending();
      nonces.purgeExpired(clock.instant());
    });
  }
}
