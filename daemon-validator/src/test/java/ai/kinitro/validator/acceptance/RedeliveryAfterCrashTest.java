package ai.kinitro.validator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.validator.AckOutcome;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.common.protocol.validator.EvalResult;
import ai.kinitro.common.protocol.validator.JobStatusUpdate;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.job.JobQueue;
import ai.kinitro.queue.job.JobRecord;
import ai.kinitro.queue.job.JobState;
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

/**
 * The validator stops between receiving a job and the backend seeing its ack: the backend
 * redelivers the job after the restart, the validator acks it as a duplicate, and the job is
 * evaluated exactly once.
 */
@WithPostgres
class RedeliveryAfterCrashTest {
  @Test
  void aJobWhoseAckNeverArrivedIsRedeliveredAfterRestartAndEvaluatedOnce(TestDatabase db, @TempDir Path state) throws Exception {
    JobQueue jobs = new JobQueue(db.dataSource(), Clock.systemUTC(), RetryPolicy.DEFAULT);
    EvalJob job = Messages.evalJob(7312849021437952001L);
    try (FakeBackend backend = new FakeBackend(ValidatorRunner.API_KEY)) {
      Map<String, Object> settings = ValidatorRunner.properties(db, backend.uri(), state);
      ConfigurableApplicationContext validator = ValidatorRunner.start(settings);
      Await.until("the first registration", () -> backend.registrations() == 1);

      // The job reaches the validator, which stores it; the backend never sees an ack.
      backend.deliverAndCutBeforeAck(job);
      Await.until("the job stored in the queue", () -> jobs.find("evaluation", "7312849021437952001").isPresent());
      validator.close();
      assertThat(backend.awaitingAck(job.messageId())).isTrue();

      backend.online(true);
      ConfigurableApplicationContext restarted = ValidatorRunner.start(settings);
      try (FakeEvaluator evaluator = new FakeEvaluator(db.dataSource(), "evaluation").start()) {
        Await.until("the redelivery acked", () -> backend.deliveryAck(job.messageId()).isPresent());
        Await.until("the result relayed", () -> !backend.stored(EvalResult.class).isEmpty());
        // The evaluator appends its result to the outbox before it completes the job, and the relay
        // may deliver the result first: wait for the completion rather than race it.
        Await.until("the job completed", () -> jobs.find("evaluation", Long.toString(job.jobId()))
            .map(r -> r.state() == JobState.DONE).orElse(false));

        assertThat(backend.deliveryAck(job.messageId())).contains(AckOutcome.DUPLICATE);
        assertThat(backend.awaitingAck(job.messageId())).isFalse();
        assertThat(evaluator.evaluationsByJob()).isEqualTo(Map.of(job.jobId(), 1));
        JobRecord row = jobs.find("evaluation", Long.toString(job.jobId())).orElseThrow();
        assertThat(row.state()).isEqualTo(JobState.DONE);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(backend.stored(EvalResult.class)).extracting(EvalResult::jobId).containsExactly(job.jobId());
        assertThat(backend.stored(JobStatusUpdate.class)).extracting(JobStatusUpdate::status)
            .containsExactlyInAnyOrder(EvaluationStatus.QUEUED, EvaluationStatus.RUNNING);
      } finally {
        restarted.close();
      }
    }
  }
}
