package ai.kinitro.miner.cli;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.miner.backend.BackendClient;
import ai.kinitro.miner.config.MinerConfig;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.miner.status.QueuePosition;
import ai.kinitro.miner.status.QueueWatcher;
import ai.kinitro.miner.status.SubmissionFollower;
import ai.kinitro.miner.status.SubmissionProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Follow a submission's evaluation live over the backend's realtime channel until every job has a "
        + "result (or --timeout), with each waiting job's position in its validator's queue (read from GET /jobs "
        + "every --queue-refresh while a job waits). Without --submission-id it follows the last upload of the agent "
        + "folder."})
final class StatusCommand implements Callable<Integer> {
  @ParentCommand MinerCli root;
  @Spec CommandSpec spec;
  @Mixin SharedOptions shared;

  @Option(names = "--submission-id", paramLabel = "ID", description = "The submission to follow.")
  String submissionId;

  @Option(names = "--timeout", defaultValue = "60", paramLabel = "MINUTES", description = "Stop following after this long.")
  long timeoutMinutes;

  @Option(names = "--once", description = "Print the current state from the REST API and exit.")
  boolean once;

  @Option(names = "--queue-refresh", defaultValue = "10s", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "While a job waits in a validator's queue, read its position this often (e.g. 10s, 500ms; "
          + "default ${DEFAULT-VALUE}).")
  Duration queueRefresh;

  @Override
  public Integer call() {
    CliContext ctx = root.context;
    Output o = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), shared.json, ctx.interactive());
    MinerConfig config = shared.resolve(ctx);
    String id = submissionId != null ? submissionId : LastUpload.read(config.agentDir()).map(LastUpload::submissionId)
        .orElseThrow(() -> new KinitroException(ErrorCode.INVALID_ARGUMENT, "no --submission-id given and no upload "
            + "recorded in " + config.agentDir().resolve(LastUpload.FILE)));
    BackendClient backend = new BackendClient(config.backendUrl(), ctx.http(), BackendClient.DEFAULT_TIMEOUT);
    Optional<JsonNode> known = backend.submission(id);
    if (known.isEmpty()) {
      o.note("submission " + id + " is not in the backend yet: it appears once its commitment is on chain and the "
          + "backend's chain monitor matched it (run kinitro-miner commit if you have not)");
    } else {
      o.note("submission " + id + ": evaluation " + known.get().path("evaluation").path("status").asString("unknown"));
    }
    if (once) {
      ObjectNode j = o.object();
      j.put("submission_id", id);
      j.put("known", known.isPresent());
      known.ifPresent(s -> j.set("submission", s));
      if (known.isPresent()) {
        ArrayNode jobs = j.putArray("jobs");
        List<JsonNode> list = backend.jobs(id);
        list.forEach(jobs::add);
        describeJobs(list).forEach(o::line);
      }
      o.result(j);
      return 0;
    }
    AtomicReference<List<QueuePosition>> waiting = new AtomicReference<>(List.of());
    try (QueueWatcher queue = QueueWatcher.start(() -> backend.jobs(id), queueRefresh, now -> {
          List<QueuePosition> before = waiting.getAndSet(now);
          now.forEach(q -> o.line(q.describe()));
          if (now.isEmpty() && !before.isEmpty()) {
            o.line("no job of submission " + id + " waits in a queue any more");
          }
        }, o::note);
        SubmissionFollower follower = SubmissionFollower.connect(ctx.http(), config.backendUrl(), id,
            (payload, state) -> {
              o.line(describe(payload));
              if (payload instanceof EventPayload.JobCreated
                  || payload instanceof EventPayload.JobStatusChanged s && s.status() == EvaluationStatus.QUEUED) {
                queue.wake();
              }
            })) {
      boolean done = follower.awaitDone(Duration.ofMinutes(timeoutMinutes));
      SubmissionProgress p = follower.progress();
      o.line(done ? "Every job of submission " + id + " has a result." : "Stopped following after " + timeoutMinutes
          + " min; jobs still running.");
      ObjectNode j = o.object();
      j.put("submission_id", id);
      j.put("done", done);
      j.put("received", p.received().isPresent());
      j.put("episodes_completed", p.episodesCompleted());
      ArrayNode jobs = j.putArray("jobs");
      p.jobs().values().forEach(job -> {
        ObjectNode jj = jobs.addObject();
        jj.put("job_id", Long.toString(job.jobId()));
        jj.put("benchmark_name", job.benchmarkName());
        jj.put("completed", job.completed());
        ObjectNode st = jj.putObject("statuses");
        job.statuses().forEach((v, s) -> st.put(v.isEmpty() ? "job" : v, s.name()));
        ObjectNode qp = jj.putObject("queue_positions");
        waiting.get().stream().filter(q -> q.jobId() == job.jobId() && q.validatorHotkey().isPresent()
            && q.position().isPresent()).forEach(q -> qp.put(q.validatorHotkey().get(), q.position().get()));
        ArrayNode rs = jj.putArray("results");
        job.results().forEach(r -> {
          ObjectNode rj = rs.addObject();
          rj.put("validator_hotkey", r.validatorHotkey());
          rj.put("status", r.status().name());
          r.metrics().ifPresent(m -> {
            rj.put("score", m.score());
            rj.put("success_rate", m.successRate());
            rj.put("avg_reward", m.avgReward());
            rj.put("total_episodes", m.totalEpisodes());
          });
        });
      });
      o.result(j);
      return done ? 0 : MinerCli.NOT_SUCCEEDED;
    }
  }

  /**
   * One line per job of a {@code GET /jobs} answer: its status, and where it waits while queued.
   */
  static List<String> describeJobs(List<JsonNode> jobs) {
    List<QueuePosition> waiting = QueuePosition.of(jobs);
    List<String> lines = new ArrayList<>();
    for (JsonNode job : jobs) {
      long jobId = job.path("id").asLong();
      List<String> queued = waiting.stream().filter(q -> q.jobId() == jobId).map(QueuePosition::describe).toList();
      if (queued.isEmpty()) {
        lines.add("job " + jobId + " (" + job.path("benchmark_name").asString("") + "): "
            + job.path("status").asString("unknown"));
      } else {
        lines.addAll(queued);
      }
    }
    return lines;
  }

  /** Parses {@code 10s}, {@code 500ms}, {@code 2m} or a plain number of seconds. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      Duration d = parse(value, v);
      if (d.isNegative() || d.isZero()) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a positive duration; use e.g. 10s");
      }
      return d;
    }

    private static Duration parse(String value, String v) {
      try {
        if (v.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
          return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        if (v.endsWith("m")) {
          return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; use e.g. 10s or 500ms");
      }
    }
  }

  static String describe(EventPayload payload) {
    return switch (payload) {
      case EventPayload.SubmissionReceived r -> "received: version " + r.version() + " committed in block "
          + r.commitmentBlock() + ", hold-out until " + r.holdoutReleaseAt();
      case EventPayload.JobCreated c -> "job " + c.jobId() + " created: " + c.provider() + " " + c.benchmarkName();
      case EventPayload.JobStatusChanged s -> "job " + s.jobId() + " " + s.status()
          + s.validatorHotkey().map(v -> " on " + v).orElse("") + s.detail().map(d -> " (" + d + ")").orElse("");
      case EventPayload.JobCompleted c -> "job " + c.jobId() + " finished: " + c.status()
          + c.validatorHotkey().map(v -> " on " + v).orElse("") + c.detail().map(d -> " (" + d + ")").orElse("");
      case EventPayload.EvaluationCompleted e -> "result of job " + e.jobId() + " from " + e.validatorHotkey() + ": "
          + e.status() + e.metrics().map(m -> String.format(Locale.ROOT, ", score %.3f, success rate %.3f, %d episodes",
              m.score(), m.successRate(), m.totalEpisodes())).orElse("");
      case EventPayload.EpisodeCompleted e -> String.format(Locale.ROOT, "episode %d of %s: %s, reward %.2f, %d steps",
          e.episodeIndex(), e.taskId(), e.success() ? "success" : "no success", e.finalReward(), e.steps());
      default -> payload.eventType().toString();
    };
  }
}
