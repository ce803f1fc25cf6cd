package ai.kinitro.backend.job;

import ai.kinitro.backend.submission.EvaluationSummary;
import ai.kinitro.backend.submission.Submission;
import ai.kinitro.backend.submission.SubmissionRepository;
import ai.kinitro.backend.web.Filters;
import ai.kinitro.backend.web.Page;
import ai.kinitro.backend.web.Paging;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read side of jobs: pages of jobs with per-validator status and queue position, and the status history. */
@Service
public class JobQueries {
  private final JdbcAggregateOperations template;
  private final JdbcClient jdbc;
  private final JobRepository jobs;
  private final JobAssignmentRepository assignments;
  private final SubmissionRepository submissions;
  private final Clock clock;

  public JobQueries(JdbcAggregateOperations template, JdbcClient jdbc, JobRepository jobs, JobAssignmentRepository assignments,
      SubmissionRepository submissions, Clock clock) {
    this.template = template;
    this.jdbc = jdbc;
    this.jobs = jobs;
    this.assignments = assignments;
    this.submissions = submissions;
    this.clock = clock;
  }

  public Page<JobView> list(Long competitionId, Long submissionId, String minerHotkey, String benchmarkName, Paging paging) {
    Page<Job> page = Filters.where().eq("competitionId", competitionId).eq("submissionId", submissionId).eq("minerHotkey", minerHotkey)
        .eq("benchmarkName", benchmarkName)
        .page(template, Job.class, Sort.by(Sort.Direction.DESC, "createdAt", "id"), paging);
    List<JobView> views = views(page.items());
    return new Page<>(views, page.total(), page.limit(), page.offset());
  }

  public JobView get(long id) {
    Job job = jobs.findById(id).orElseThrow(() -> new KinitroException(ErrorCode.NOT_FOUND, "No job with id " + id));
    return views(List.of(job)).getFirst();
  }

  public Page<JobStatusEventView> history(Long jobId, String validatorHotkey, AssignmentStatus status, Paging paging) {
    if (jobId != null && !jobs.existsById(jobId)) {
      throw new KinitroException(ErrorCode.NOT_FOUND, "No job with id " + jobId);
    }
    return Filters.where().eq("jobId", jobId).eq("validatorHotkey", validatorHotkey).eq("status", status)
        .page(template, JobStatusEvent.class, Sort.by(Sort.Direction.DESC, "createdAt", "id"), paging)
        .map(JobStatusEventView::of);
  }

  private List<JobView> views(List<Job> page) {
    if (page.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    Set<Long> jobIds = page.stream().map(Job::id).collect(Collectors.toSet());
    Map<Long, Submission> subs = new HashMap<>();
    submissions.findAllById(page.stream().map(Job::submissionId).collect(Collectors.toSet())).forEach(s -> subs.put(s.id(), s));
    Map<Long, List<JobAssignment>> byJob = jobIds.stream().collect(Collectors.toMap(id -> id, assignmentsOf()));
    Map<Long, Integer> positions = queuePositions(byJob.values().stream().flatMap(List::stream)
        .filter(a -> a.status() == AssignmentStatus.QUEUED || a.status() == AssignmentStatus.DELIVERED).map(JobAssignment::id).toList());
    return page.stream().map(job -> {
      Submission submission = subs.get(job.submissionId());
      boolean seedsPublic = submission != null && submission.holdoutOverAt(now);
      List<JobView.TaskView> tasks = JobService.tasksOf(job).stream()
          .map(t -> new JobView.TaskView(t.taskId(), t.envName(), seedsPublic ? t.seed() : null)).toList();
      List<JobAssignment> list = byJob.get(job.id());
      Map<AssignmentStatus, Long> counts = new EnumMap<>(AssignmentStatus.class);
      list.forEach(a -> counts.merge(a.status(), 1L, Long::sum));
      List<JobView.AssignmentView> validators = list.stream().map(a -> new JobView.AssignmentView(a.validatorHotkey(), a.status(),
          a.failureClass(), a.attempts(), positions.get(a.id()), a.progressEpisodes(), a.totalEpisodes(), a.deadline(), a.statusDetail(),
          a.errorCode(), a.errorMessage(), a.deliveredAt(), a.startedAt(), a.finishedAt(), a.updatedAt())).toList();
      return new JobView(job.id(), job.submissionId(), job.competitionId(), job.minerHotkey(), job.provider(), job.benchmarkName(),
          job.spec().read(BenchmarkDefinition.class), tasks, job.rerunOf(), job.createdAt(), EvaluationSummary.derive(1, counts).status(),
          validators);
    }).toList();
  }

  private java.util.function.Function<Long, List<JobAssignment>> assignmentsOf() {
    return assignments::findByJob;
  }

  /** Position in its validator's queue (1 = next) of each waiting assignment. */
  private Map<Long, Integer> queuePositions(Collection<Long> waiting) {
    Map<Long, Integer> positions = new HashMap<>();
    if (waiting.isEmpty()) {
      return positions;
    }
    jdbc.sql("""
            SELECT a.id, 1 + (SELECT count(*) FROM job_assignments b
                              WHERE b.validator_hotkey = a.validator_hotkey AND b.status IN ('QUEUED', 'DELIVERED')
                                AND (b.created_at, b.id) < (a.created_at, a.id))
            FROM job_assignments a WHERE a.id IN (:ids)""")
        .param("ids", Set.copyOf(waiting))
        .query((rs, i) -> positions.put(rs.getLong(1), rs.getInt(2)))
        .list();
    return positions;
  }
}
