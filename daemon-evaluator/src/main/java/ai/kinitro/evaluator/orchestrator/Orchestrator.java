package ai.kinitro.evaluator.orchestrator;

import ai.kinitro.evaluator.runtime.AgentRuntimes;
import ai.kinitro.queue.job.DeadJobReaper;
import ai.kinitro.queue.job.JobHandler;
import ai.kinitro.queue.job.JobQueue;
import ai.kinitro.queue.job.JobWorkerPool;
import ai.kinitro.queue.job.WorkerSettings;
import ai.kinitro.queue.notify.Wakeups;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the evaluator's duties: the worker pool that claims jobs ({@code concurrency} at most, on
 * virtual threads {@code kq-worker-<queue>-N}, polled by {@code kq-poll-<queue>}, leases
 * refreshed by {@code kq-heartbeat-<queue>}), the dead-job reaper ({@code kq-reaper}: jobs of an
 * evaluator that stopped heartbeating, such as this one before a crash, go back to the queue and
 * run again), and the agent runtimes.
 *
 * <p>Shutdown order ({@link #close()}): mark stopping (a failure from now on is never blamed on an
 * agent); stop claiming; let running jobs finish until {@code shutdownDeadline}, then interrupt
 * them (each stops its agent and gives its job back for a retry); stop heartbeating last among
 * the pool's duties; stop the reaper; close the runtimes, which stops every agent still running
 * (in cluster mode: deletes their pods).
 */
public final class Orchestrator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);

  private final JobWorkerPool pool;
  private final Optional<DeadJobReaper> reaper;
  private final AgentRuntimes runtimes;
  private final OrchestratorProperties props;
  private final AtomicBoolean stopping;
  private final AtomicBoolean started = new AtomicBoolean();

  /**
   * @param handlerFactory builds the job handler given the "evaluator is stopping" flag
   */
  public Orchestrator(JobQueue queue, Wakeups wakeups, AgentRuntimes runtimes, OrchestratorProperties props,
      java.util.function.Function<java.util.function.BooleanSupplier, JobHandler> handlerFactory) {
    this.runtimes = Objects.requireNonNull(runtimes, "runtimes");
    this.props = Objects.requireNonNull(props, "props");
    this.stopping = new AtomicBoolean();
    JobHandler handler = handlerFactory.apply(stopping::get);
    this.pool = new JobWorkerPool(queue, wakeups, handler, new WorkerSettings(props.queue(), props.owner(),
        props.concurrency(), props.pollInterval(), props.heartbeatInterval(), props.shutdownDeadline()));
    this.reaper = props.reaperInterval().isZero() || props.reaperInterval().isNegative() ? Optional.empty()
        : Optional.of(new DeadJobReaper(queue, new DeadJobReaper.Settings(props.heartbeatInterval(),
            props.missedHeartbeats(), props.reaperInterval())));
  }

  /** Starts claiming jobs (and reaping dead evaluators' jobs). */
  public Orchestrator start() {
    if (started.compareAndSet(false, true)) {
      reaper.ifPresent(DeadJobReaper::start);
      pool.start();
      LOG.info("Evaluator {} consuming queue '{}' with up to {} job(s) at once; agents run {}", props.owner(),
          props.queue(), props.concurrency(), runtimes.describe());
    }
    return this;
  }

  /** Claims and starts as many due jobs as there are free workers (tests drive the pool with it). */
  public int pollOnce() {
    return pool.pollOnce();
  }

  /** Takes back jobs of evaluators that stopped heartbeating, now. */
  public int reapOnce() {
    return reaper.map(r -> r.reapOnce().size()).orElse(0);
  }

  /** Jobs running now. */
  public int inFlight() {
    return pool.inFlight();
  }

  public long completed() {
    return pool.completed();
  }

  public long failedAttempts() {
    return pool.failed();
  }

  public boolean stopping() {
    return stopping.get();
  }

  @Override
  public void close() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    LOG.info("Evaluator stopping: no new jobs; {} running job(s) get {} to finish", pool.inFlight(),
        props.shutdownDeadline());
    pool.close();
    reaper.ifPresent(DeadJobReaper::close);
    runtimes.close();
    LOG.info("Evaluator stopped");
  }
}
