package ai.kinitro.validator.testing;

import ai.kinitro.testsupport.postgres.TestDatabase;
import ai.kinitro.validator.ValidatorApplication;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts and stops the real validator application in-process against a test database and backend. */
public final class ValidatorRunner {
  public static final String API_KEY = "kin_test_validator_key_0123456789";

  private ValidatorRunner() {}

  /** Settings for a validator talking to {@code backend} with short intervals suited to tests. */
  public static Map<String, Object> properties(TestDatabase db, URI backend, Path stateDir) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("server.port", "0");
    p.put("kinitro.state-dir", stateDir.toString());
    p.put("kinitro.validator.database.url", db.jdbcUrl());
    p.put("kinitro.validator.database.username", db.user());
    p.put("kinitro.validator.database.password", db.password());
    p.put("kinitro.validator.hotkey.secret-uri", "//Alice");
    p.put("kinitro.validator.backend.url", backend.toString());
    p.put("kinitro.validator.backend.api-key", API_KEY);
    p.put("kinitro.validator.backend.reconnect-initial-delay", "100ms");
    p.put("kinitro.validator.backend.reconnect-max-delay", "1s");
    // No test waits for an ack-timeout resend (resends come from reconnects), so a stalled machine
    // must not cause one: the tests count receipts.
    p.put("kinitro.validator.backend.ack-timeout", "60s");
    p.put("kinitro.validator.backend.ack-timeout-max", "120s");
    p.put("kinitro.validator.backend.relay-poll-interval", "200ms");
    p.put("kinitro.validator.weights.enabled", "false");
    p.put("spring.lifecycle.timeout-per-shutdown-phase", "10s");
    return p;
  }

  public static ConfigurableApplicationContext start(Map<String, Object> properties) {
    return new SpringApplicationBuilder(ValidatorApplication.class).properties(properties).run();
  }
}
