package ai.kinitro.backend.job;

import ai.kinitro.backend.chain.TaskPlan;
import ai.kinitro.backend.competition.Competition;
import ai.kinitro.backend.competition.CompetitionService;
import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.persistence.Jsonb;
import ai.kinitro.backend.realtime.RealtimePublisher;
import ai.kinitro.backend.submission.Submission;
import ai.kinitro.backend.submission.SubmissionRepository;
import ai.kinitro.backend.validator.Validator;
import ai.kinitro.backend.validator.ValidatorRepository;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Creates jobs: one per (submission, benchmark) with a seeded task set, each assigned to every
 * currently connected validator (validators that connect later get assignments from the delivery
 * side via {@link #assignOpenJobs}). Also admin reruns of a submission or a job, announced as
 * {@code job_created} realtime events.
 */
@Service
public class JobService {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JobService.class);
  private static final TypeReference<List<JobTask>> TASKS = new TypeReference<>() {};

  private final JobRepository jobs;
  private final JobAssignmentRepository assignments;
  private final JobStatusEventRepository events;
  private final SubmissionRepository submissions;
  private final CompetitionService competitions;
  private final ValidatorRepository validators;
  private final TaskSeeds seeds;
  private final IdGenerator ids;
  private final Clock clock;
  private final ApplicationEventPublisher publisher;
  private final RealtimePublisher realtime;

  public JobService(JobRepository jobs, JobAssignmentRepository assignments, JobStatusEventRepository events,
      SubmissionRepository submissions, CompetitionService competitions, ValidatorRepository validators, TaskSeeds seeds,
      IdGenerator ids, Clock clock, ApplicationEventPublisher publisher, RealtimePublisher realtime) {
    this.realtime = realtime;
    this.jobs = jobs;
    this.assignments = assignments;
    this.events = events;
    this.submissions = submissions;
    this.competitions = competitions;
    this.validators = validators;
    this.seeds = seeds;
    this.ids = ids;
    this.clock = clock;
    this.publisher = publisher;
  }

  /** One job per benchmark of the submission's competition (the chain monitor calls this after recording a submission). */
  @Transactional
  public List<Job> createJobs(Submission submission) {
    Competition competition = competitions.get(submission.competitionId());
    List<Job> created = new ArrayList<>();
    for (BenchmarkDefinition benchmark : CompetitionService.benchmarksOf(competition)) {
      created.add(newJob(submission, benchmark, null));
    }
    return assignAndAnnounce(created);
  }

  /**
   * Reruns a submission on its competition's <em>current</em> benchmarks, or only on the named
   * ones. Each new job points at the newest earlier job of its benchmark.
   */
  @Transactional
  public List<Job> rerunSubmission(long submissionId, Collection<String> benchmarkNames) {
    Submission submission = submissions.findById(submissionId)
        .orElseThrow(() -> new KinitroException(ErrorCode.NOT_FOUND, "No submission with id " + submissionId));
    Competition competition = competitions.get(submission.competitionId());
    List<BenchmarkDefinition> all = CompetitionService.benchmarksOf(competition);
    Set<String> wanted = benchmarkNames == null || benchmarkNames.isEmpty() ? null : Set.copyOf(benchmarkNames);
    List<BenchmarkDefinition> selected = all.stream().filter(b -> wanted == null || wanted.contains(b.name())).toList();
    if (selected.isEmpty()) {
      throw new KinitroException(ErrorCode.NOTHING_TO_RERUN, "No benchmark of competition " + competition.id() + " matches " + wanted
          + "; its benchmarks are " + all.stream().map(BenchmarkDefinition::name).toList());
    }
    Map<String, Job> newest = jobs.findBySubmission(submissionId).stream()
        .collect(Collectors.toMap(Job::benchmarkName, Function.identity(), (a, b) -> a.id() > b.id() ? a : b));
    List<Job> created = new ArrayList<>();
    for (BenchmarkDefinition benchmark : selected) {
      Job previous = newest.get(benchmark.name());
      created.add(newJob(submission, benchmark, previous == null ? null : previous.id()));
    }
    return announceRerun(assignAndAnnounce(created));
  }

  /** Reruns one job: same benchmark definition, new id and therefore new seeds. */
  @Transactional
  public Job rerunJob(long jobId) {
    Job original = jobs.findById(jobId).orElseThrow(() -> new KinitroException(ErrorCode.NOT_FOUND, "No job with id " + jobId));
    Submission submission = submissions.findById(original.submissionId()).orElseThrow();
    BenchmarkDefinition benchmark = original.spec().read(BenchmarkDefinition.class);
    return announceRerun(assignAndAnnounce(List.of(newJob(submission, benchmark, original.id())))).getFirst();
  }

  /**
   * Creates missing assignments for a validator on every job that has no terminal result yet on
   * it (the delivery side calls this when a validator connects, with the jobs it considers open).
   */
  @Transactional
  public List<JobAssignment> assignOpenJobs(String validatorHotkey, List<Job> openJobs) {
    List<JobAssignment> created = new ArrayList<>();
    Instant now = clock.instant();
    for (Job job : openJobs) {
      if (assignments.findByJobAndValidator(job.id(), validatorHotkey).isEmpty()) {
        created.add(assignments.insert(JobAssignment.queued(ids.next(), job.id(), validatorHotkey, totalEpisodes(job), now)));
      }
    }
    return created;
  }

  /** The typed task set of a job. */
  public static List<JobTask> tasksOf(Job job) {
    return job.tasks().read(TASKS);
  }

  /** Episodes one validator runs for a job. */
  public static int totalEpisodes(Job job) {
    BenchmarkDefinition spec = job.spec().read(BenchmarkDefinition.class);
    return Math.toIntExact((long) tasksOf(job).size() * spec.episodesPerTask());
  }

  private Job newJob(Submission submission, BenchmarkDefinition benchmark, Long rerunOf) {
    Instant now = clock.instant();
    long id = ids.next();
    // the shared expansion (docs/protocol.md): task_id "<env id>:<variant>", env_name the registry id
    List<JobTask> tasks = benchmark.toJobSpec(index -> seeds.seed(id, Math.toIntExact(index))).tasks().stream()
        .map(t -> new JobTask(t.taskId(), t.envName(), t.seed()))
        .toList();
    return jobs.insert(new Job(id, submission.id(), submission.competitionId(), submission.minerHotkey(), benchmark.suite(),
        benchmark.name(), Jsonb.of(benchmark), Jsonb.of(tasks), rerunOf, now, now));
  }

  /**
   * {@code job_created} for rerun jobs (the chain monitor publishes those of new submissions with
   * their {@code submission_received}). Sent with the transaction's NOTIFY, so only after commit.
   */
  private List<Job> announceRerun(List<Job> created) {
    List<EventPayload> events = new ArrayList<>();
    for (Job job : created) {
      try {
        events.add(createdEvent(job));
      } catch (KinitroException e) {
        // a row the wire format refuses (e.g. a hand-written miner hotkey) must not block the rerun
        LOG.warn("Rerun job {} is not announced: {}", job.id(), e.getMessage());
      }
    }
    realtime.publishAll(events);
    return created;
  }

  /** The {@code job_created} realtime event of a job. */
  public static EventPayload.JobCreated createdEvent(Job job) {
    return new EventPayload.JobCreated(job.id(), job.submissionId(), Long.toString(job.competitionId()), job.minerHotkey(),
        TaskPlan.wireToken(job.provider()), TaskPlan.wireToken(job.benchmarkName()), job.createdAt());
  }

  private List<Job> assignAndAnnounce(List<Job> created) {
    Instant now = clock.instant();
    List<String> targets = validators.findConnected().stream().map(Validator::hotkey).sorted(Comparator.naturalOrder()).toList();
    for (Job job : created) {
      for (String hotkey : targets) {
        JobAssignment assignment = assignments.insert(JobAssignment.queued(ids.next(), job.id(), hotkey, totalEpisodes(job), now));
        events.insert(new JobStatusEvent(ids.next(), job.id(), assignment.id(), hotkey, AssignmentStatus.QUEUED, null,
            "Assigned to validator", null, now));
      }
      if (targets.isEmpty()) {
        events.insert(new JobStatusEvent(ids.next(), job.id(), null, null, AssignmentStatus.QUEUED, null,
            "Waiting for a validator to connect", null, now));
      }
    }
    publisher.publishEvent(new JobEvents.JobsCreated(created.stream().map(Job::id).toList(), targets));
    return created;
  }
}
