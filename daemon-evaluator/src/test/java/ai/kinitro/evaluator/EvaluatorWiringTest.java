package ai.kinitro.evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.evaluator.orchestrator.Orchestrator;
import ai.kinitro.queue.job.JobQueue;
import ai.kinitro.testsupport.postgres.TestDatabase;
import ai.kinitro.testsupport.postgres.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring wiring: with a database the orchestrator runs; closing the context stops it. */
@WithPostgres
class EvaluatorWiringTest {
  @TempDir
  Path tmp;

  @Test
  void withADatabaseTheOrchestratorStartsWithTheContextAndStopsWithIt(TestDatabase db) {
    Orchestrator orchestrator;
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EvaluatorApplication.class).properties(
        "kinitro.evaluator.database.url=" + db.jdbcUrl(),
        "kinitro.evaluator.database.username=" + db.user(),
        "kinitro.evaluator.database.password=" + db.password(),
        "kinitro.evaluator.runtime.work-dir=" + tmp,
        "kinitro.evaluator.orchestrator.concurrency=2")
        // A command-line argument: builder properties rank below application.properties' fixed 8092.
        .run("--server.port=0")) {
      orchestrator = context.getBean(Orchestrator.class);
      assertThat(context.getBean(JobQueue.class).stats("evaluation").ready()).isZero();
      var health = context.getBean("evaluator", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("jobs", "enabled").containsEntry("runtime", "local")
          .containsEntry("logBundles", "disabled");
      assertThat(orchestrator.stopping()).isFalse();
    }
    assertThat(orchestrator.stopping()).isTrue();
  }
}
