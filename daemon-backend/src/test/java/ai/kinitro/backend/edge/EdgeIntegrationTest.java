package ai.kinitro.backend.edge;

import ai.kinitro.backend.chain.SubnetChain;
import ai.kinitro.testsupport.postgres.TestDatabase;
import ai.kinitro.testsupport.postgres.TestPostgres;
import ai.kinitro.testsupport.s3.S3ProxyServer;
import java.time.Clock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the upload, chain, validator-channel and realtime tests: the whole backend on a random
 * port, a database of its own, a real S3 server (s3proxy, one per JVM), a fake chain and a clock
 * the tests can move. Loops are off: tests drive {@code pollOnce()} themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EdgeIntegrationTest.Fakes.class)
public abstract class EdgeIntegrationTest {
  static final TestDatabase DATABASE = TestPostgres.shared().createDatabase("backend_edge");
  static final S3ProxyServer S3 = startS3();
  static final FakeSubnetChain CHAIN = new FakeSubnetChain();
  static final MutableClock CLOCK = new MutableClock();

  private static S3ProxyServer startS3() {
    S3ProxyServer server = S3ProxyServer.start();
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::close));
    return server;
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("spring.datasource.password", DATABASE::password);
    registry.add("kinitro.vault.endpoint", () -> S3.endpoint().toString());
    registry.add("kinitro.vault.region", S3::region);
    registry.add("kinitro.vault.bucket", () -> "kinitro-edge");
    registry.add("kinitro.vault.access-key", S3::accessKey);
    registry.add("kinitro.vault.secret-key", S3::secretKey);
    registry.add("kinitro.vault.create-bucket", () -> "true");
    registry.add("kinitro.chain.poll-interval", () -> "0s");
    registry.add("kinitro.jobs.seed-secret", () -> "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    registry.add("kinitro.chain.metagraph-ttl", () -> "0s");
    registry.add("kinitro.uploads.reap-interval", () -> "0s");
    registry.add("kinitro.validators.sweep-interval", () -> "0s");
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Fakes {
    @Bean
    @Primary
    SubnetChain fakeSubnetChain() {
      return CHAIN;
    }

    @Bean
    @Primary
    Clock mutableClock() {
      return CLOCK;
    }
  }
}
