package ai.kinitro.validator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.common.protocol.validator.EvalResult;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.job.JobQueue;
import ai.kinitro.queue.job.JobState;
import ai.kinitro.queue.outbox.Outbox;
import ai.kinitro.testsupport.postgres.TestDatabase;
import ai.kinitro.testsupport.postgres.WithPostgres;
import ai.kinitro.validator.testing.Await;
import ai.kinitro.validator.testing.FakeBackend;
import ai.kinitro.validator.testing.FakeEvaluator;
import ai.kinitro.validator.testing.Messages;
import ai.kinitro.validator.testing.ValidatorRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Results written while the validator is stopped, or sent but never acked, are relayed after a restart. */
@WithPostgres
class RelayAfterRestartTest {
  @Test
  void resultsThatWereNotRelayedBeforeTheValidatorStoppedAreRelayedAfterItsRestart(TestDatabase db, @TempDir Path state)
      throws Exception {
    Outbox outbox = new Outbox(db.dataSource(), Clock.systemUTC(), RetryPolicy.DEFAULT);
    JobQueue jobs = new JobQueue(db.dataSource(), Clock.systemUTC(), RetryPolicy.DEFAULT);
    EvalJob first = Messages.evalJob(1001);
    EvalJob second = Messages.evalJob(1002);
    try (FakeBackend backend = new FakeBackend(ValidatorRunner.API_KEY)) {
      Map<String, Object> settings = ValidatorRunner.properties(db, backend.uri(), state);
      ConfigurableApplicationContext validator = ValidatorRunner.start(settings);
      Await.until("registration", () -> backend.registrations() == 1);
      // The first job's result is sent but its ack is lost; the second's is only written after the stop.
      backend.ackResults(false);
      backend.deliver(first);
      Await.until("the first job acked", () -> backend.deliveryAck(first.messageId()).isPresent());
      Map<Long, Integer> evaluatedBeforeStop;
      try (FakeEvaluator evaluator = new FakeEvaluator(db.dataSource(), "evaluation").start()) {
        Await.until("the first result received (ack lost)", () -> !backend.stored(EvalResult.class).isEmpty());
        evaluatedBeforeStop = evaluator.evaluationsByJob();
      }
      // No evaluator runs now, so the second job cannot be evaluated before the validator is down.
      backend.deliver(second);
      Await.until("the second job acked", () -> backend.deliveryAck(second.messageId()).isPresent());
      validator.close();

      try (FakeEvaluator evaluator = new FakeEvaluator(db.dataSource(), "evaluation").start()) {
        Await.until("the second job evaluated while the validator is down", () -> evaluator.evaluations(second.jobId()) == 1);
        // The evaluator appends its reports before it completes the job: once it is DONE they are in the outbox.
        Await.until("the second job completed", () -> jobs.find("evaluation", Long.toString(second.jobId()))
            .map(r -> r.state() == JobState.DONE).orElse(false));
        assertThat(backend.stored(EvalResult.class)).extracting(EvalResult::jobId).containsExactly(first.jobId());

        backend.ackResults(true);
        ConfigurableApplicationContext restarted = ValidatorRunner.start(settings);
        try {
          Await.until("the outbox drained", () -> outbox.stats("backend").pending() == 0, () -> outbox.stats("backend").toString());
        } finally {
          restarted.close();
        }
        assertThat(backend.stored(EvalResult.class)).extracting(EvalResult::jobId)
            .containsExactlyInAnyOrder(first.jobId(), second.jobId());
        EvalResult firstResult = backend.stored(EvalResult.class).stream().filter(r -> r.jobId() == first.jobId()).findFirst()
            .orElseThrow();
        assertThat(backend.receipts(firstResult.messageId())).as("sent before the stop, resent after it").isEqualTo(2);
        assertThat(evaluatedBeforeStop).isEqualTo(Map.of(first.jobId(), 1));
        assertThat(evaluator.evaluationsByJob()).isEqualTo(Map.of(second.jobId(), 1));
      }
    }
  }
}
