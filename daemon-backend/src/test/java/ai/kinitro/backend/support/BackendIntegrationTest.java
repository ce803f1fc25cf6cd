package ai.kinitro.backend.support;

import ai.kinitro.backend.apikey.ApiKeyRole;
import ai.kinitro.backend.apikey.ApiKeyService;
import ai.kinitro.backend.apikey.NewApiKey;
import ai.kinitro.backend.competition.CompetitionRequest;
import ai.kinitro.backend.competition.CompetitionService;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import ai.kinitro.testsupport.postgres.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ai.kinitro.testsupport.postgres.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every Spring test: the whole application on a random port against one fresh database
 * on the test JVM's PostgreSQL. All subclasses share this exact configuration, so Spring builds the
 * context once and reuses it; tests therefore create their own rows (unique names) and never
 * assume an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kinitro.scoring.enabled=false", "kinitro.scoring.min-validators=2", "kinitro.jobs.seed-secret=test-seed-secret-0123456789"})
@Import(TestEnvironments.class)
public abstract class BackendIntegrationTest {
  @LocalServerPort protected int port;
  @Autowired protected ApiKeyService apiKeys;
  @Autowired protected CompetitionService competitionService;
  @Autowired protected Fixtures fixtures;

  private Api api;
  private String adminKey;
  private String validatorKey;

  protected Api api() {
    if (api == null) {
      api = new Api(port);
    }
    return api;
  }

  /** A fresh admin key for this test instance. */
  protected String adminKey() {
    if (adminKey == null) {
      adminKey = apiKeys.create(new NewApiKey("test admin", null, ApiKeyRole.ADMIN, null, null)).secret();
    }
    return adminKey;
  }

  /** A fresh validator key (not admin). */
  protected String validatorKey() {
    if (validatorKey == null) {
      validatorKey = apiKeys.create(new NewApiKey("test validator", null, ApiKeyRole.VALIDATOR, null, null)).secret();
    }
    return validatorKey;
  }

  /** A valid competition request with a unique name. */
  protected static CompetitionRequest competitionRequest(String name, int points) {
    return new CompetitionRequest(name, "test", List.of(new BenchmarkDefinition("cartpole", "classic", List.of(TestEnvironments.CARTPOLE),
        2, 3, 100, List.of("default"), 84)), points, 0.0, 0.05, 0.5, 300L, null, null, null, null, null);
  }

  protected static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID();
  }
  private static final TestDatabase DATABASE = TestPostgres.shared().createDatabase("backend_it");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("spring.datasource.password", DATABASE::password);
  }
}
