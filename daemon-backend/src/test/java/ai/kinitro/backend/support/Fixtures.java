package ai.kinitro.backend.support;

import ai.kinitro.backend.competition.Competition;
import ai.kinitro.backend.competition.CompetitionRequest;
import ai.kinitro.backend.competition.CompetitionService;
import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.job.AssignmentStatus;
import ai.kinitro.backend.job.FailureClass;
import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.job.JobAssignment;
import ai.kinitro.backend.job.JobAssignmentRepository;
import ai.kinitro.backend.job.JobService;
import ai.kinitro.backend.persistence.Jsonb;
import ai.kinitro.backend.result.Result;
import ai.kinitro.backend.result.ResultRepository;
import ai.kinitro.backend.submission.Submission;
import ai.kinitro.backend.submission.SubmissionRepository;
import ai.kinitro.backend.submission.SubmissionUpload;
import ai.kinitro.backend.submission.SubmissionUploadRepository;
import ai.kinitro.backend.submission.UploadStatus;
import ai.kinitro.backend.validator.Validator;
import ai.kinitro.backend.validator.ValidatorRepository;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds rows for tests through the real services and repositories (competition → submission → jobs → results). */
public class Fixtures {
  public static final String SHA = "ab".repeat(32);

  private final IdGenerator ids;
  private final Clock clock;
  private final CompetitionService competitions;
  private final SubmissionUploadRepository uploads;
  private final SubmissionRepository submissions;
  private final JobService jobs;
  private final JobAssignmentRepository assignments;
  private final ResultRepository results;
  private final ValidatorRepository validators;
  private final JdbcClient jdbc;

  public Fixtures(IdGenerator ids, Clock clock, CompetitionService competitions, SubmissionUploadRepository uploads,
      SubmissionRepository submissions, JobService jobs, JobAssignmentRepository assignments, ResultRepository results,
      ValidatorRepository validators, JdbcClient jdbc) {
    this.ids = ids;
    this.clock = clock;
    this.competitions = competitions;
    this.uploads = uploads;
    this.submissions = submissions;
    this.jobs = jobs;
    this.assignments = assignments;
    this.results = results;
    this.validators = validators;
    this.jdbc = jdbc;
  }

  /** An active competition with one benchmark and the given rules. */
  public Competition competition(int points, double minSuccessRate, double winMargin) {
    return competitions.create(new CompetitionRequest("fixture " + UUID.randomUUID(), "", List.of(new BenchmarkDefinition("cartpole",
        "classic", List.of(TestEnvironments.CARTPOLE), 2, 1, 100, List.of("default"), 84)), points, 0.0, winMargin, minSuccessRate,
        0L, null, null, null, null, null));
  }

  /** A committed submission of {@code miner}, hold-out over. */
  public Submission submission(Competition competition, String miner) {
    Instant now = clock.instant();
    long id = ids.next();
    String version = "v" + id;
    uploads.insert(new SubmissionUpload(id, miner, competition.id(), version, "submissions/" + id + "/" + version + ".tar.gz", SHA, 100,
        UploadStatus.PROCESSED, null, now.plusSeconds(600), now, 0, now, now));
    return submissions.insert(new Submission(id, miner, competition.id(), version, 100L, "submissions/" + id + "/" + version + ".tar.gz",
        SHA, 100, now.minusSeconds(1), null, null, null, now, now));
  }

  /** Marks validators connected (creating them if needed), so new jobs get assigned to them. */
  public void connect(String... hotkeys) {
    Instant now = clock.instant();
    for (String hotkey : hotkeys) {
      Validator v = validators.findById(hotkey).orElseGet(() -> validators.insert(Validator.firstSeen(hotkey, null, now)));
      validators.save(new Validator(v.hotkey(), v.apiKeyId(), "c-" + hotkey, "test", true, now, now, null, now, 0, 0, 0, v.createdAt(), now));
    }
  }

  /** Disconnects every validator (tests that need an exact validator set call this first). */
  public void disconnectAll() {
    jdbc.sql("UPDATE validators SET connected = false").update();
  }

  public List<Job> jobs(Submission submission) {
    return jobs.createJobs(submission);
  }

  /** Stores a COMPLETED result of {@code validator} for {@code job} and completes its assignment. */
  public Result completed(Job job, String validator, double avgReward, double successRate) {
    return result(job, validator, AssignmentStatus.COMPLETED, null, avgReward, successRate);
  }

  public Result result(Job job, String validator, AssignmentStatus status, FailureClass failure, Double avgReward, Double successRate) {
    Instant now = clock.instant();
    connect(validator);
    JobAssignment assignment = assignments.findByJobAndValidator(job.id(), validator)
        .orElseGet(() -> assignments.insert(JobAssignment.queued(ids.next(), job.id(), validator, 2, now)));
    assignments.save(new JobAssignment(assignment.id(), job.id(), validator, status, failure, 1, null, null, null, null, null, now, now, 2, 2,
        null, null, null, assignment.version() + 1, assignment.createdAt(), now));
    return results.insert(new Result(ids.next(), assignment.id(), job.id(), job.submissionId(), job.competitionId(), job.minerHotkey(),
        validator, job.benchmarkName(), status, failure, avgReward, successRate, avgReward, 2, Jsonb.EMPTY_ARRAY, null, null, null,
        Jsonb.EMPTY_OBJECT, UUID.randomUUID(), now, now, now, now, now, now));
  }

  /** Deactivates every competition, so a test controls which ones take part in awards. */
  public void deactivateAllCompetitions() {
    jdbc.sql("UPDATE competitions SET active = false").update();
  }
}
