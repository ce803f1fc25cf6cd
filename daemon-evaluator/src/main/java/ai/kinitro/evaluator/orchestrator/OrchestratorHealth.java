package ai.kinitro.evaluator.orchestrator;

import ai.kinitro.evaluator.database.DatabaseProperties;
import ai.kinitro.evaluator.runtime.RuntimeProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code evaluator}: whether jobs are taken, how agents run,
 * and the pool's counters. Without a database it is UP with {@code jobs: disabled}.
 */
@Component("evaluator")
class OrchestratorHealth implements HealthIndicator {
  private final ObjectProvider<Orchestrator> orchestrator;
  private final DatabaseProperties database;
  private final RuntimeProperties runtime;

  OrchestratorHealth(ObjectProvider<Orchestrator> orchestrator, DatabaseProperties database, RuntimeProperties runtime) {
    this.orchestrator = orchestrator;
    this.database = database;
    this.runtime = runtime;
  }

  @Override
  public Health health() {
    Orchestrator o = orchestrator.getIfAvailable();
    if (o == null) {
      return Health.up().withDetail("jobs", database.configured() ? "starting" : "disabled: no kinitro.evaluator.database.url")
          .withDetail("runtime", runtime.mode().name().toLowerCase(java.util.Locale.ROOT)).build();
    }
    Health.Builder b = o.stopping() ? Health.outOfService() : Health.up();
    return b.withDetail("jobs", "enabled").withDetail("runtime", runtime.mode().name().toLowerCase(java.util.Locale.ROOT))
        .withDetail("inFlight", o.inFlight()).withDetail("completed", o.completed())
        .withDetail("failedAttempts", o.failedAttempts()).build();
  }
}
