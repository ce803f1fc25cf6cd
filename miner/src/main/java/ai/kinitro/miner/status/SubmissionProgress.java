package ai.kinitro.miner.status;

import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.common.protocol.realtime.EventPayload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about a submission from its events: whether the backend received it, its jobs
 * (benchmark, status per validator, results), and episodes finished. Immutable snapshots; {@link
 * #with} folds in one event.
 */
public record SubmissionProgress(
    String submissionId,
    Optional<EventPayload.SubmissionReceived> received,
    Map<Long, Job> jobs,
    int episodesCompleted) {
  public SubmissionProgress {
    Objects.requireNonNull(submissionId, "submissionId");
    Objects.requireNonNull(received, "received");
    jobs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(jobs));
  }

  /** A job of the submission. {@code statuses}: validator hotkey ("" for the job as a whole) to status. */
  public record Job(long jobId, String benchmarkName, Map<String, EvaluationStatus> statuses, List<Result> results,
      boolean completed) {
    public Job {
      Objects.requireNonNull(benchmarkName, "benchmarkName");
      statuses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
      results = List.copyOf(results);
    }
  }

  /** One validator's result of a job. */
  public record Result(String validatorHotkey, EvaluationStatus status, Optional<Metrics> metrics) {}

  public static SubmissionProgress start(String submissionId) {
    return new SubmissionProgress(submissionId, Optional.empty(), Map.of(), 0);
  }

  /** True once the submission has jobs and every job completed or has a result. */
  public boolean done() {
    return !jobs.isEmpty() && jobs.values().stream().allMatch(Job::completed);
  }

  public SubmissionProgress with(EventPayload payload) {
    Map<Long, Job> next = new LinkedHashMap<>(jobs);
    Optional<EventPayload.SubmissionReceived> rec = received;
    int episodes = episodesCompleted;
    switch (payload) {
      case EventPayload.SubmissionReceived r -> rec = Optional.of(r);
      case EventPayload.JobCreated c -> next.putIfAbsent(c.jobId(), new Job(c.jobId(), c.benchmarkName(), Map.of(),
          List.of(), false));
      case EventPayload.JobStatusChanged s -> next.computeIfPresent(s.jobId(), (id, j) -> withStatus(j,
          s.validatorHotkey().orElse(""), s.status(), j.completed()));
      case EventPayload.JobCompleted c -> next.computeIfPresent(c.jobId(), (id, j) -> withStatus(j,
          c.validatorHotkey().orElse(""), c.status(), true));
      case EventPayload.EvaluationCompleted e -> next.compute(e.jobId(), (id, j) -> {
        Job base = j == null ? new Job(e.jobId(), e.benchmarkName(), Map.of(), List.of(), false) : j;
        List<Result> results = new java.util.ArrayList<>(base.results());
        results.add(new Result(e.validatorHotkey(), e.status(), e.metrics()));
        Job withResult = new Job(base.jobId(), base.benchmarkName(), base.statuses(), results, true);
        return withStatus(withResult, e.validatorHotkey(), e.status(), true);
      });
      case EventPayload.EpisodeCompleted ignored -> episodes++;
      default -> {
        return this;
      }
    }
    return new SubmissionProgress(submissionId, rec, next, episodes);
  }

  private static Job withStatus(Job j, String validator, EvaluationStatus status, boolean completed) {
    Map<String, EvaluationStatus> statuses = new LinkedHashMap<>(j.statuses());
    statuses.put(validator, status);
    return new Job(j.jobId(), j.benchmarkName(), statuses, j.results(), completed);
  }
}
