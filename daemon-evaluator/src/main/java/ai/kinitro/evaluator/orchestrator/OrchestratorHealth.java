package ai.kinitro.evaluator.orchestrator;

import ai.kinitro.evaluator.database.DatabaseProperties;
import ai.kinitro.evaluator.logs.LogBundles;
import ai.kinitro.evaluator.runtime.RuntimeProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code evaluator}: whether jobs are taken, how agents run,
 * the pool's counters and the log bundles stored and lost ({@code logBundles: disabled} without a
 * bucket). Without a database it is UP with {@code jobs: disabled}.
 */
@Component("evaluator")
class OrchestratorHealth implements HealthIndicator {
  private final ObjectProvider<Orchestrator> orchestrator;
  private final DatabaseProperties database;
  private final RuntimeProperties runtime;
  private final ObjectProvider<LogBundles> logBundles;

  OrchestratorHealth(ObjectProvider<Orchestrator> orchestrator, DatabaseProperties database, RuntimeProperties runtime,
      ObjectProvider<LogBundles> logBundles) {
    this.orchestrator = orchestrator;
    this.logBundles = logBundles;
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
    b.withDetail("jobs", "enabled").withDetail("runtime", runtime.mode().name().toLowerCase(java.util.Locale.ROOT))
        .withDetail("inFlight", o.inFlight()).withDetail("completed", o.completed())
        .withDetail("failedAttempts", o.failedAttempts());
    LogBundles bundles = logBundles.getIfAvailable();
    if (bundles == null || !bundles.enabled()) {
      b.withDetail("logBundles", "disabled");
    } else {
      b.withDetail("logBundlesStored", bundles.stored()).withDetail("logBundleFailures", bundles.failures());
    }
    return b.build();
  }
}
