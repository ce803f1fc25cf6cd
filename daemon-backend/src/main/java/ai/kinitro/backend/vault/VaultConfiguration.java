package ai.kinitro.backend.vault;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Builds the S3 client and presigner of the vault from {@link VaultConfig}. */
@Configuration(proxyBeanMethods = false)
class VaultConfiguration {

  @Bean(destroyMethod = "close")
  S3Client vaultS3Client(VaultConfig config) {
    var builder = S3Client.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials(config))
        .httpClient(UrlConnectionHttpClient.create())
        // Checksums are added only where we ask for them (the presigned PUT binds SHA-256).
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build());
    if (config.endpoint() != null) {
      builder.endpointOverride(config.endpoint());
    }
    return builder.build();
  }

  @Bean(destroyMethod = "close")
  S3Presigner vaultS3Presigner(VaultConfig config) {
    var builder = S3Presigner.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials(config))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build());
    if (config.endpoint() != null) {
      builder.endpointOverride(config.endpoint());
    }
    return builder.build();
  }

  @Bean
  VaultService vaultService(VaultConfig config, S3Client vaultS3Client, S3Presigner vaultS3Presigner, Clock clock) {
    return new VaultService(config, vaultS3Client, vaultS3Presigner, clock);
  }

  @Bean
  ReleaseService releaseService(VaultService vault, org.springframework.jdbc.core.JdbcTemplate jdbc, Clock clock) {
    return new ReleaseService(vault, jdbc, clock);
  }

  @Bean
  ai.kinitro.backend.loop.BackgroundLoop releaseLoop(ReleaseService release, VaultConfig config) {
    return new ai.kinitro.backend.loop.BackgroundLoop("holdout-release", config.releaseScanInterval(), release::pollOnce);
  }

  /** Creates the bucket at start-up when asked to (local and test setups). */
  @Bean
  org.springframework.boot.ApplicationRunner vaultBucketCreator(VaultService vault, VaultConfig config) {
    return args -> {
      if (config.createBucket() && config.configured()) {
        vault.ensureBucket();
      }
    };
  }

  private static StaticCredentialsProvider credentials(VaultConfig config) {
    String access = config.configured() ? config.accessKey() : "unconfigured";
    String secret = config.configured() ? config.secretKey() : "unconfigured";
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(access, secret));
  }
}
