package ai.kinitro.backend.support;

import ai.kinitro.testsupport.postgres.TestDatabase;
import ai.kinitro.testsupport.postgres.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every Spring test: the whole application on a random port against one fresh database
 * on the test JVM's PostgreSQL. All subclasses share this exact configuration, so Spring builds the
 * context once and reuses it; tests therefore create their own rows (unique names) and never
 * assume an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BackendIntegrationTest {
  private static final TestDatabase DATABASE = TestPostgres.shared().createDatabase("backend_it");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("spring.datasource.password", DATABASE::password);
  }
}
