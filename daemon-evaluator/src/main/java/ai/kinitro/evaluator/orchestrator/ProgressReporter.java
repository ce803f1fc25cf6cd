package ai.kinitro.evaluator.orchestrator;

import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.evaluator.report.BackendReports;
import ai.kinitro.queue.job.JobHandler;
import ai.kinitro.rollout.RolloutListener;
import ai.kinitro.rollout.StepRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a running job's progress as RUNNING status updates, at most one per {@code interval}
 * (and always for the last episode), and watches the job's lease: once a heartbeat finds it lost
 * (the job was reaped and may run elsewhere), {@code onLeaseLost} stops the agent so the rollout
 * ends at its next call.
 */
final class ProgressReporter implements RolloutListener {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

  private final long jobId;
  private final BackendReports reports;
  private final Duration interval;
  private final InstantSource clock;
  private final JobHandler.Lease lease;
  private final Runnable onLeaseLost;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private Instant lastReport;

  ProgressReporter(long jobId, BackendReports reports, Duration interval, InstantSource clock, JobHandler.Lease lease,
      Runnable onLeaseLost) {
    this.jobId = jobId;
    this.reports = Objects.requireNonNull(reports, "reports");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lease = Objects.requireNonNull(lease, "lease");
    this.onLeaseLost = Objects.requireNonNull(onLeaseLost, "onLeaseLost");
    this.lastReport = clock.instant();
  }

  @Override
  public void stepSampled(StepRecord step) {
    checkLease();
  }

  @Override
  public void progress(Progress progress) {
    checkLease();
    Instant now = clock.instant();
    boolean last = progress.episodesFinished() == progress.totalEpisodes();
    if (!last && Duration.between(lastReport, now).compareTo(interval) < 0) {
      return;
    }
    lastReport = now;
    reports.status(jobId, EvaluationStatus.RUNNING, "Evaluating: " + progress.episodesFinished() + "/"
        + progress.totalEpisodes() + " episodes finished, " + progress.stepsTaken() + " steps in "
        + progress.elapsed().toSeconds() + " s");
  }

  private void checkLease() {
    if (lease.lost() && stopped.compareAndSet(false, true)) {
      LOG.warn("Job {}: the lease was lost (reaped or taken over); stopping its agent", jobId);
      onLeaseLost.run();
    }
  }
}
