package ai.kinitro.evaluator.episodes;

import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.ObservationRef;
import ai.kinitro.common.protocol.StepRecord;
import ai.kinitro.common.protocol.validator.EpisodeData;
import ai.kinitro.common.protocol.validator.EpisodeStepData;
import ai.kinitro.env.RgbImage;
import ai.kinitro.env.Tensor;
import ai.kinitro.env.render.PngEncoder;
import ai.kinitro.evaluator.report.BackendReports;
import ai.kinitro.rollout.EpisodeOutcome;
import ai.kinitro.rollout.EpisodeSummary;
import ai.kinitro.rollout.RolloutListener;
import ai.kinitro.rollout.TaskSpec;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Logs one job's episodes through the outbox. Sampled steps of an episode are buffered and sent
 * as {@code episode_step_data} batches of up to {@code batchSize} steps (a batch is sent when full
 * and when the episode ends); each finished episode that ran is sent as {@code episode_data}
 * (episodes that never started because the run stopped are counted in the result only). Camera
 * frames of sampled steps are PNG-encoded and stored under {@code
 * <submission>/<job>/<task>/episode_NNNN/step_NNNNNN_<camera>.png} when a frame store is
 * configured. Runs on the rollout's thread; a failure is logged and counted, never thrown.
 */
public final class EpisodeLogger implements RolloutListener {
  private static final Logger LOG = LoggerFactory.getLogger(EpisodeLogger.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final long jobId;
  private final long submissionId;
  private final BackendReports reports;
  private final Optional<FrameStore> frames;
  private final int batchSize;
  private final InstantSource clock;
  private final Map<Long, Open> open = new HashMap<>();
  private final AtomicLong episodesLogged = new AtomicLong();
  private final AtomicLong stepsLogged = new AtomicLong();
  private final AtomicLong framesStored = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  /** An episode in progress: where it is in its task, when it started, its unsent steps. */
  private static final class Open {
    final String taskId;
    final int episodeInTask;
    final Instant started;
    final List<StepRecord> pending = new ArrayList<>();

    Open(String taskId, int episodeInTask, Instant started) {
      this.taskId = taskId;
      this.episodeInTask = episodeInTask;
      this.started = started;
    }
  }

  public EpisodeLogger(long jobId, long submissionId, BackendReports reports, Optional<FrameStore> frames, int batchSize,
      InstantSource clock) {
    this.jobId = jobId;
    this.submissionId = submissionId;
    this.reports = Objects.requireNonNull(reports, "reports");
    this.frames = Objects.requireNonNull(frames, "frames");
    if (batchSize < 1 || batchSize > EpisodeStepData.MAX_STEPS_PER_BATCH) {
      throw new IllegalArgumentException("batchSize must be 1 to " + EpisodeStepData.MAX_STEPS_PER_BATCH);
    }
    this.batchSize = batchSize;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void episodeStarted(long episodeIndex, TaskSpec task, int episodeInTask) {
    open.put(episodeIndex, new Open(task.taskId(), episodeInTask, clock.instant()));
  }

  @Override
  public void stepSampled(ai.kinitro.rollout.StepRecord step) {
    Open episode = open.get(step.episodeIndex());
    if (episode == null) {
      return;
    }
    List<ObservationRef> refs = new ArrayList<>();
    step.frames().forEach((camera, image) -> storeFrame(episode, step.step(), camera, image).ifPresent(refs::add));
    episode.pending.add(new StepRecord(step.step(), action(step.action()), step.reward(), step.terminated(),
        step.truncated(), refs, info(step), clock.instant()));
    if (episode.pending.size() >= batchSize) {
      flush(episode);
    }
  }

  @Override
  public void episodeFinished(EpisodeSummary summary) {
    Open episode = open.remove(summary.episodeIndex());
    if (episode == null || summary.outcome() == EpisodeOutcome.NOT_RUN) {
      return;
    }
    flush(episode);
    Instant ended = clock.instant();
    Instant started = episode.started.isAfter(ended) ? ended : episode.started;
    ObjectNode extra = NODES.objectNode();
    extra.put("duration_seconds", summary.duration().toMillis() / 1000.0);
    extra.put("outcome", summary.outcome().name().toLowerCase(Locale.ROOT));
    extra.put("env_id", summary.envId());
    summary.failure().ifPresent(code -> extra.put("failure", code.name()));
    try {
      reports.episode(new EpisodeData(UUID.randomUUID(), jobId, episode.taskId, episode.episodeInTask, summary.success(),
          summary.totalReward(), summary.steps(), started, ended, extra));
      episodesLogged.incrementAndGet();
    } catch (RuntimeException e) {
      failed("episode " + episode.episodeInTask + " of task " + episode.taskId, e);
    }
  }

  private void flush(Open episode) {
    if (episode.pending.isEmpty()) {
      return;
    }
    List<StepRecord> batch = List.copyOf(episode.pending);
    episode.pending.clear();
    try {
      reports.steps(new EpisodeStepData(UUID.randomUUID(), jobId, episode.taskId, episode.episodeInTask, batch));
      stepsLogged.addAndGet(batch.size());
    } catch (RuntimeException e) {
      failed(batch.size() + " steps of episode " + episode.episodeInTask + " of task " + episode.taskId, e);
    }
  }

  private Optional<ObservationRef> storeFrame(Open episode, int step, String camera, RgbImage image) {
    if (frames.isEmpty()) {
      return Optional.empty();
    }
    String key = String.format(Locale.ROOT, "%d/%d/%s/episode_%04d/step_%06d_%s.png", submissionId, jobId,
        episode.taskId, episode.episodeInTask, step, camera);
    try {
      ObservationRef ref = frames.get().put(key, camera, PngEncoder.encode(image));
      framesStored.incrementAndGet();
      return Optional.of(ref);
    } catch (KinitroException | IllegalArgumentException e) {
      failed("frame " + key, e);
      return Optional.empty();
    }
  }

  /** The action as JSON: a number for a scalar, else the flattened values. */
  static JsonNode action(Tensor action) {
    boolean integral = action instanceof Tensor.Int64 || action instanceof Tensor.UInt8;
    if (action.shape().length == 0) {
      return integral ? NODES.numberNode((long) action.getDouble(0)) : NODES.numberNode(action.getDouble(0));
    }
    ArrayNode values = NODES.arrayNode();
    for (int i = 0; i < action.size(); i++) {
      if (integral) {
        values.add((long) action.getDouble(i));
      } else {
        values.add(action.getDouble(i));
      }
    }
    return values;
  }

  private JsonNode info(ai.kinitro.rollout.StepRecord step) {
    ObjectNode info;
    try {
      JsonNode tree = JSON.valueToTree(step.info());
      info = tree instanceof ObjectNode o ? o : NODES.objectNode();
    } catch (RuntimeException e) {
      info = NODES.objectNode();
    }
    if (step.success()) {
      info.put("success", true);
    }
    return info;
  }

  private void failed(String what, Exception e) {
    failures.incrementAndGet();
    LOG.warn("Job {}: could not log {}: {}", jobId, what, e.getMessage());
  }

  public long episodesLogged() {
    return episodesLogged.get();
  }

  public long stepsLogged() {
    return stepsLogged.get();
  }

  public long framesStored() {
    return framesStored.get();
  }

  public long failures() {
    return failures.get();
  }
}
