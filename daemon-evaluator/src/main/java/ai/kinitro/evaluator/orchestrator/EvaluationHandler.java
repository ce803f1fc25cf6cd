package ai.kinitro.evaluator.orchestrator;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ErrorDetail;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.common.protocol.validator.EvalResult;
import ai.kinitro.common.protocol.validator.TaskResult;
import ai.kinitro.common.protocol.validator.Timings;
import ai.kinitro.common.protocol.validator.ValidatorMessage;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.evaluator.artifact.ArtifactFetcher;
import ai.kinitro.evaluator.episodes.EpisodeLogger;
import ai.kinitro.evaluator.episodes.EpisodeProperties;
import ai.kinitro.evaluator.episodes.FrameStore;
import ai.kinitro.common.protocol.validator.LogArtifact;
import ai.kinitro.common.protocol.validator.ResultLogs;
import ai.kinitro.evaluator.logs.LogBundle;
import ai.kinitro.evaluator.logs.LogBundles;
import ai.kinitro.evaluator.report.BackendReports;
import ai.kinitro.evaluator.report.InlineLogs;
import ai.kinitro.evaluator.runtime.AgentJob;
import ai.kinitro.evaluator.runtime.AgentRuntimes;
import ai.kinitro.evaluator.runtime.RuntimeProperties;
import ai.kinitro.queue.job.ClaimedJob;
import ai.kinitro.queue.job.JobHandler;
import ai.kinitro.rollout.RolloutEngine;
import ai.kinitro.rollout.RolloutOptions;
import ai.kinitro.rollout.RolloutResult;
import ai.kinitro.rollout.RunMetrics;
import ai.kinitro.rollout.runtime.AgentLimits;
import ai.kinitro.rollout.runtime.RunningAgent;
import ai.kinitro.rollout.submission.Submission;
import ai.kinitro.rollout.submission.SubmissionArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed job from start to its single outcome:
 *
 * <ol>
 *   <li>decode the stored {@code eval_job}; past its deadline: TIMEOUT at once;
 *   <li>report STARTING; map the benchmark (unknown environment: FAILED); download the archive
 *       through its presigned URL, checking size and SHA-256; extract it with the archive checks;
 *   <li>start the agent in the configured runtime (it answers Ping within the startup timeout);
 *   <li>report RUNNING, run every episode with the job's seeds (which never reach the agent), the
 *       per-call timeout and a run deadline before the job's deadline, logging episodes and
 *       sampled steps, reporting progress;
 *   <li>report the outcome as one {@code eval_result}: COMPLETED with metrics, FAILED with the
 *       reason code (agent faults, and platform faults once attempts are used up), or TIMEOUT; a
 *       platform fault with attempts left is reported QUEUED and thrown, so the queue retries the
 *       job after its backoff. Before a terminal result is sent, its log bundle is stored (when
 *       bundles are on) and the result refers to it; a bundle that cannot be stored is left out.
 * </ol>
 *
 * The agent is stopped and the job's files deleted on every path. A job whose lease was lost
 * (reaped and possibly running elsewhere) reports nothing.
 */
public final class EvaluationHandler implements JobHandler {
  private static final Logger LOG = LoggerFactory.getLogger(EvaluationHandler.class);
  private static final int MAX_MESSAGE = 4000;

  private final ProtocolCodec<ValidatorMessage> codec;
  private final BackendReports reports;
  private final ArtifactFetcher fetcher;
  private final AgentRuntimes runtimes;
  private final EnvironmentRegistry registry;
  private final Optional<FrameStore> frames;
  private final LogBundles bundles;
  private final OrchestratorProperties props;
  private final RuntimeProperties runtime;
  private final EpisodeProperties episodes;
  private final InstantSource clock;
  private final BooleanSupplier stopping;

  public EvaluationHandler(ProtocolCodec<ValidatorMessage> codec, BackendReports reports, ArtifactFetcher fetcher,
      AgentRuntimes runtimes, EnvironmentRegistry registry, Optional<FrameStore> frames, LogBundles bundles,
      OrchestratorProperties props, RuntimeProperties runtime, EpisodeProperties episodes, InstantSource clock,
      BooleanSupplier stopping) {
    this.codec = Objects.requireNonNull(codec, "codec");
    this.reports = Objects.requireNonNull(reports, "reports");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.runtimes = Objects.requireNonNull(runtimes, "runtimes");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.frames = Objects.requireNonNull(frames, "frames");
    this.bundles = Objects.requireNonNull(bundles, "bundles");
    this.props = Objects.requireNonNull(props, "props");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.episodes = Objects.requireNonNull(episodes, "episodes");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.stopping = Objects.requireNonNull(stopping, "stopping");
  }

  @Override
  public void run(ClaimedJob claimed, Lease lease) {
    EvalJob job = decode(claimed);
    if (job == null) {
      return;
    }
    long jobId = job.jobId();
    Instant received = claimed.createdAt();
    if (!clock.instant().isBefore(job.deadline())) {
      finish(job, claimed, received, null, null, EvaluationStatus.TIMEOUT, new KinitroException(
          ErrorCode.JOB_DEADLINE_EXCEEDED, "The job's deadline " + job.deadline() + " passed before the evaluation could start"),
          new Ran(null, List.of()));
      return;
    }
    reports.status(jobId, EvaluationStatus.STARTING, "Evaluator is preparing the agent (attempt " + claimed.attempt()
        + " of " + claimed.maxAttempts() + ")");
    Path workspace = null;
    AtomicReference<Instant> started = new AtomicReference<>();
    AtomicReference<Ran> ran = new AtomicReference<>(new Ran(null, List.of()));
    RolloutResult result = null;
    KinitroException failure;
    try {
      workspace = createWorkspace(claimed);
      result = evaluate(job, claimed, lease, workspace, started, ran);
      failure = result.failure().map(f -> new KinitroException(f.code(), f.message())).orElse(null);
    } catch (KinitroException e) {
      failure = e;
    } catch (RuntimeException e) {
      LOG.error("Job {}: unexpected failure", jobId, e);
      failure = new KinitroException(ErrorCode.EVALUATION_FAILED, "Unexpected evaluator failure: " + e, e);
    } finally {
      if (workspace != null) {
        deleteQuietly(workspace);
      }
    }
    if (lease.lost()) {
      throw new KinitroException(ErrorCode.QUEUE_LEASE_LOST,
          "Job " + jobId + " was reaped or taken over while it ran; its outcome is discarded");
    }
    if (failure == null) {
      finish(job, claimed, received, started.get(), result, EvaluationStatus.COMPLETED, null, ran.get());
      return;
    }
    // An interrupt means the pool stops this job at shutdown; clear it so the reports below can
    // still reach the database.
    boolean interrupted = Thread.interrupted();
    boolean shuttingDown = stopping.getAsBoolean() || interrupted;
    switch (Verdicts.of(failure.code(), claimed.lastAttempt(), shuttingDown)) {
      case Verdicts.Verdict.Final f -> finish(job, claimed, received, started.get(), result, f.status(), failure, ran.get());
      case Verdicts.Verdict.Retry r -> {
        KinitroException cause = shuttingDown && failure.code().category() == ai.kinitro.common.error.ErrorCategory.USER
            ? new KinitroException(ErrorCode.EVALUATOR_SHUTTING_DOWN, "The evaluator stopped during the job: "
                + failure.getMessage(), failure)
            : failure;
        LOG.warn("Job {} attempt {}/{}: platform fault {} ({}); it goes back to the queue", jobId, claimed.attempt(),
            claimed.maxAttempts(), cause.code(), cause.getMessage());
        try {
          reports.status(jobId, EvaluationStatus.QUEUED, "Will be retried after a platform fault: " + cause.code() + ": "
              + clip(cause.getMessage()));
        } catch (RuntimeException e) {
          LOG.warn("Job {}: could not report the retry: {}", jobId, e.toString());
        }
        throw cause;
      }
    }
  }

  private RolloutResult evaluate(EvalJob job, ClaimedJob claimed, Lease lease, Path workspace,
      AtomicReference<Instant> started, AtomicReference<Ran> ran) {
    long jobId = job.jobId();
    JobPlan plan = JobPlan.of(job, registry, episodes.imageSize());
    Path archive = fetcher.fetch(job.artifact().url(), job.artifact().sha256(), job.artifact().sizeBytes(),
        workspace.resolve("submission.tar.gz"));
    Submission submission = SubmissionArchive.extract(archive, job.artifact().sha256(), workspace.resolve("unpacked"),
        props.archiveLimits());
    Duration untilDeadline = Duration.between(clock.instant(), job.deadline()).minus(props.deadlineMargin());
    if (untilDeadline.isNegative() || untilDeadline.isZero()) {
      throw new KinitroException(ErrorCode.JOB_DEADLINE_EXCEEDED,
          "Too little time is left before the job's deadline " + job.deadline() + " to run it");
    }
    AgentLimits limits = runtime.limits();
    Duration wall = limits.startupTimeout().plus(untilDeadline);
    if (wall.compareTo(limits.wallTime()) < 0) {
      limits = limits.withWallTime(wall);
    }
    AgentJob agentJob = new AgentJob(jobId, job.submissionId(), claimed.attempt(), job.artifact());
    try (RunningAgent agent = runtimes.forJob(agentJob).start(submission, limits)) {
      LogBundle.Agent who = new LogBundle.Agent(Optional.ofNullable(agent.agentName()),
          agent.isolation().name().toLowerCase(java.util.Locale.ROOT));
      try {
        return rollout(job, plan, lease, agent, started);
      } finally {
        ran.set(new Ran(who, outputOf(agent, jobId)));
      }
    }
  }

  /** What is known of the agent once it ran: who it was (null if it never started) and its last output. */
  private record Ran(LogBundle.Agent agent, List<String> output) {}

  /**
   * The newest lines of the agent's output, one more than kept (so a cut is known): enough for the
   * log bundle when bundles are on, else for the inline log; empty if unreadable.
   */
  private List<String> outputOf(RunningAgent agent, long jobId) {
    int lines = bundles.enabled() ? LogBundle.AgentOutput.MAX_LINES : InlineLogs.TAIL_LINES;
    try {
      return List.copyOf(agent.logTail(lines + 1));
    } catch (RuntimeException e) {
      LOG.warn("Job {}: could not read the agent's output: {}", jobId, e.toString());
      return List.of();
    }
  }

  /** Runs every episode against the started agent. */
  private RolloutResult rollout(EvalJob job, JobPlan plan, Lease lease, RunningAgent agent, AtomicReference<Instant> started) {
    long jobId = job.jobId();
    started.set(clock.instant());
    reports.status(jobId, EvaluationStatus.RUNNING, "Evaluator started processing the job: agent '" + agent.agentName()
        + "' (" + agent.isolation().name().toLowerCase(java.util.Locale.ROOT) + "), "
        + plan.spec().totalEpisodes() + " episodes");
    Duration runDeadline = Duration.between(clock.instant(), job.deadline()).minus(props.deadlineMargin());
    if (runDeadline.compareTo(props.maxJobDuration()) > 0) {
      runDeadline = props.maxJobDuration();
    }
    if (runDeadline.isNegative() || runDeadline.isZero()) {
      throw new KinitroException(ErrorCode.JOB_DEADLINE_EXCEEDED, "The job's deadline passed while its agent started");
    }
    RolloutOptions options = new RolloutOptions(props.batchSize(), props.callTimeout(), runDeadline,
        episodes.stepLogInterval(), frames.isPresent() && !plan.spec().cameras().isEmpty());
    EpisodeLogger logger = new EpisodeLogger(jobId, job.submissionId(), reports, frames, episodes.stepBatchSize(), clock);
    ProgressReporter progress = new ProgressReporter(jobId, reports, props.progressInterval(), clock, lease, agent::close);
    RolloutResult result = new RolloutEngine(registry, clock)
        .run(plan.spec(), agent.client(), options, new Listeners(List.of(logger, progress)));
    LOG.info("Job {}: {} episodes, success rate {}, mean reward {}{}; logged {} episodes, {} steps, {} frames", jobId,
        result.metrics().totalEpisodes(), result.metrics().successRate(), result.metrics().meanReward(),
        result.failure().map(f -> ", stopped by " + f.code()).orElse(""), logger.episodesLogged(),
        logger.stepsLogged(), logger.framesStored());
    return result;
  }

  /** The job, or {@code null} after reporting an unreadable payload. */
  private EvalJob decode(ClaimedJob claimed) {
    DecodeResult<ValidatorMessage> decoded = codec.decode(claimed.payload());
    if (decoded instanceof DecodeResult.Decoded<ValidatorMessage>(EvalJob job)) {
      return job;
    }
    String reason = switch (decoded) {
      case DecodeResult.Rejected<ValidatorMessage> r -> r.code() + ": " + r.reason();
      case DecodeResult.Decoded<ValidatorMessage> d -> "a " + d.message().type().wireName() + " frame, not an eval_job";
    };
    KinitroException e = new KinitroException(ErrorCode.JOB_PAYLOAD_INVALID,
        "Queued job " + claimed.id() + " is not a readable eval_job (" + reason + ")");
    long jobId;
    try {
      jobId = Long.parseLong(claimed.id());
    } catch (NumberFormatException notAnId) {
      throw e;
    }
    Instant now = clock.instant();
    Instant received = claimed.createdAt().isAfter(now) ? now : claimed.createdAt();
    reports.result(new EvalResult(BackendReports.resultMessageId(jobId), jobId, EvaluationStatus.FAILED, Optional.empty(),
        List.of(), Optional.of(ErrorDetail.of(e.code(), clip(e.getMessage()))), new Timings(received, Optional.empty(), now)));
    LOG.error(e.getMessage());
    return null;
  }

  /**
   * Reports the terminal outcome, with the failure reason and the agent's last output as inline
   * logs, and a reference to the attempt's log bundle when it could be stored.
   */
  private void finish(EvalJob job, ClaimedJob claimed, Instant received, Instant started, RolloutResult result,
      EvaluationStatus status, KinitroException failure, Ran ran) {
    Instant now = clock.instant();
    Instant receivedAt = received.isAfter(now) ? now : received;
    Optional<Instant> startedAt = Optional.ofNullable(started).map(s -> s.isBefore(receivedAt) ? receivedAt : s)
        .map(s -> s.isAfter(now) ? now : s);
    Optional<Metrics> metrics = Optional.ofNullable(result).map(r -> metrics(r.metrics()));
    List<TaskResult> tasks = result == null ? List.of() : result.metrics().tasks().stream()
        .map(t -> new TaskResult(t.taskId(), t.episodes(), t.successes(), t.failedEpisodes(), t.meanReward(), t.meanSteps()))
        .toList();
    Optional<ErrorDetail> error = Optional.ofNullable(failure).map(f -> ErrorDetail.of(f.code(), clip(f.getMessage())));
    Timings timings = new Timings(receivedAt, startedAt, now);
    Optional<LogArtifact> bundle = bundles.enabled()
        ? bundles.store(new LogBundle(LogBundle.SCHEMA_VERSION, now, job.jobId(), job.submissionId(), job.competitionId(),
            job.minerHotkey(), new LogBundle.Benchmark(job.benchmark().provider(), job.benchmark().benchmarkName()),
            claimed.attempt(), claimed.maxAttempts(), status, error, metrics, tasks, timings, Optional.ofNullable(ran.agent()),
            LogBundle.AgentOutput.of(ran.output())))
        : Optional.empty();
    Optional<ResultLogs> inline = InlineLogs.of(Optional.ofNullable(failure)
        .map(f -> f.code().name() + " (" + f.code().number() + "): " + f.getMessage()), ran.output());
    Optional<ResultLogs> logs = bundle.isEmpty() ? inline : Optional.of(inline
        .map(l -> new ResultLogs(l.text(), l.truncated(), bundle))
        .orElseGet(() -> new ResultLogs(Optional.empty(), false, bundle)));
    reports.result(new EvalResult(BackendReports.resultMessageId(job.jobId()), job.jobId(), status, metrics, tasks, error,
        timings, logs));
    LOG.info("Job {} finished: {}{}{}", job.jobId(), status, failure == null ? "" : " (" + failure.code() + ": "
        + failure.getMessage() + ")", bundle.map(b -> "; log bundle " + b.bucket() + "/" + b.objectKey()).orElse(""));
  }

  /** Score = success rate (ADR 0012): never negative, and finishing sooner is never penalized. */
  static Metrics metrics(RunMetrics m) {
    return new Metrics(m.successRate(), m.successRate(), m.meanReward(), m.totalEpisodes());
  }

  private Path createWorkspace(ClaimedJob claimed) {
    try {
      Files.createDirectories(runtime.workDir());
      return Files.createTempDirectory(runtime.workDir(), "job-" + claimed.id() + "-" + claimed.attempt() + "-");
    } catch (IOException e) {
      throw ArtifactFetcher.localFailure(e, runtime.workDir());
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      SubmissionArchive.deleteTree(dir);
    } catch (RuntimeException e) {
      LOG.warn("Could not delete the job directory {}: {}", dir, e.toString());
    }
  }

  private static String clip(String message) {
    String m = Objects.requireNonNullElse(message, "");
    return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "..." : m;
  }
}
