package ai.kinitro.validator.testing;

import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.common.protocol.validator.EvalResult;
import ai.kinitro.common.protocol.validator.JobStatusUpdate;
import ai.kinitro.common.protocol.validator.ValidatorMessage;
import ai.kinitro.common.protocol.validator.ValidatorProtocol;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.job.JobQueue;
import ai.kinitro.queue.job.JobWorkerPool;
import ai.kinitro.queue.job.WorkerSettings;
import ai.kinitro.queue.notify.Wakeups;
import ai.kinitro.queue.outbox.Outbox;
import ai.kinitro.queue.outbox.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Stands in for the evaluator daemon: consumes the validator's job queue through the queue
 * library (as the evaluator will) and writes a RUNNING status and a COMPLETED result for each job
 * into the outbox. Counts evaluations per job id.
 */
public final class FakeEvaluator implements AutoCloseable {
  private final ProtocolCodec<ValidatorMessage> codec = ValidatorProtocol.validatorCodec();
  private final Map<Long, AtomicInteger> evaluations = new ConcurrentHashMap<>();
  private final JobWorkerPool pool;

  public FakeEvaluator(DataSource dataSource, String queue) {
    Outbox outbox = new Outbox(dataSource, Clock.systemUTC(), RetryPolicy.DEFAULT);
    JobQueue jobs = new JobQueue(dataSource, Clock.systemUTC(), RetryPolicy.DEFAULT);
    pool = new JobWorkerPool(jobs, Wakeups.pollingOnly(), (job, lease) -> {
      EvalJob evalJob = switch (codec.decode(job.payload())) {
        case DecodeResult.Decoded<ValidatorMessage> d -> (EvalJob) d.message();
        case DecodeResult.Rejected<ValidatorMessage> r -> throw new IllegalStateException(r.reason());
      };
      evaluations.computeIfAbsent(evalJob.jobId(), k -> new AtomicInteger()).incrementAndGet();
      JobStatusUpdate running = new JobStatusUpdate(UUID.randomUUID(), evalJob.jobId(), EvaluationStatus.RUNNING,
          Optional.of("Evaluator started processing the job"), Instant.now());
      outbox.append(new OutboxEntry(running.messageId(), "backend", "job_status_update", codec.encode(running)));
      EvalResult result = Messages.completed(evalJob.jobId());
      outbox.append(new OutboxEntry(result.messageId(), "backend", "eval_result", codec.encode(result)));
    }, new WorkerSettings(queue, "fake-evaluator", 2, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(5)));
  }

  public FakeEvaluator start() {
    pool.start();
    return this;
  }

  public int evaluations(long jobId) {
    AtomicInteger n = evaluations.get(jobId);
    return n == null ? 0 : n.get();
  }

  public Map<Long, Integer> evaluationsByJob() {
    Map<Long, Integer> copy = new java.util.TreeMap<>();
    evaluations.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  @Override
  public void close() {
    pool.close();
  }
}
