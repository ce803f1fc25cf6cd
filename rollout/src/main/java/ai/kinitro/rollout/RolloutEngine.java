package ai.kinitro.rollout;

import ai.kinitro.common.agent.TaskInfo;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.EnvSpec;
import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.ResetOptions;
import ai.kinitro.env.RgbImage;
import ai.kinitro.env.StepResult;
import ai.kinitro.env.Tensor;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a benchmark against an agent. Episodes are laid out in a fixed order (task by task, episode
 * by episode, each with the seed {@link EpisodeSeeds} derives) and fed into {@code batchSize}
 * slots that step in lock-step: every step of the run is one {@code Act} (batch 1) or one {@code
 * ActBatch} with one observation per running episode. When an episode ends, the next one takes its
 * slot after a {@code Reset}. Each episode depends only on its seed and the agent's answers, so the
 * results are the same whatever the batch size.
 *
 * <p>The first agent fault, environment failure or the run deadline stops the run: episodes in
 * progress end as FAILED and the ones not started as NOT_RUN, all counted in the metrics, and the
 * result carries the failure. Single-threaded; environments are created per slot and closed at
 * the end.
 */
public final class RolloutEngine {
  private static final Logger log = LoggerFactory.getLogger(RolloutEngine.class);

  /** Observation key prefix of rendered camera images. */
  public static final String CAMERA_PREFIX = "camera/";

  private final EnvironmentRegistry registry;
  private final InstantSource clock;

  public RolloutEngine(EnvironmentRegistry registry, InstantSource clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public RolloutEngine(EnvironmentRegistry registry) {
    this(registry, InstantSource.system());
  }

  private record Plan(long index, TaskSpec task, int episodeInTask, long seed) {}

  /** An episode in progress in one slot. */
  private static final class Running {
    final Plan plan;
    final Environment env;
    final BenchmarkSpec spec;
    final Instant started;
    final int maxSteps;
    Map<String, Tensor> observation;
    int steps;
    double reward;
    boolean success;
    boolean terminated;

    Running(Plan plan, Environment env, BenchmarkSpec spec, Instant started, int maxSteps) {
      this.plan = plan;
      this.env = env;
      this.spec = spec;
      this.started = started;
      this.maxSteps = maxSteps;
    }
  }

  /** Stops the run; carries the code and message of the failure. */
  private static final class Stop extends RuntimeException {
    final RolloutResult.Failure failure;

    Stop(ErrorCode code, String message, Throwable cause) {
      super(message, cause, false, false);
      this.failure = new RolloutResult.Failure(code, message);
    }
  }

  public RolloutResult run(BenchmarkSpec spec, AgentClient agent, RolloutOptions options, RolloutListener listener) {
    Map<String, EnvSpec> envSpecs = validate(spec);
    List<Plan> plans = new ArrayList<>(spec.totalEpisodes());
    for (TaskSpec t : spec.tasks()) {
      for (int e = 0; e < spec.episodesPerTask(); e++) {
        plans.add(new Plan(plans.size(), t, e, EpisodeSeeds.episodeSeed(t.seed(), e)));
      }
    }
    Instant start = clock.instant();
    Instant deadline = start.plus(options.runDeadline());
    EpisodeSummary[] results = new EpisodeSummary[plans.size()];
    Running[] slots = new Running[Math.min(options.batchSize(), plans.size())];
    List<Map<String, Environment>> envs = new ArrayList<>();
    for (int i = 0; i < slots.length; i++) {
      envs.add(new HashMap<>());
    }
    Progress progress = new Progress(plans.size(), start);
    notify(listener, l -> l.runStarted(plans.size()));
    Optional<RolloutResult.Failure> failure = Optional.empty();
    int next = 0;
    try {
      while (true) {
        for (int s = 0; s < slots.length; s++) {
          if (slots[s] == null && next < plans.size()) {
            slots[s] = begin(plans.get(next++), envs.get(s), envSpecs, spec, listener);
            resetAgent(slots[s], envSpecs, agent, options, deadline);
          }
        }
        List<Integer> active = new ArrayList<>(slots.length);
        for (int s = 0; s < slots.length; s++) {
          if (slots[s] != null) {
            active.add(s);
          }
        }
        if (active.isEmpty()) {
          break;
        }
        List<AgentStep> steps = new ArrayList<>(active.size());
        for (int s : active) {
          steps.add(new AgentStep(slots[s].plan.index(), slots[s].steps, slots[s].observation));
        }
        Duration timeout = callTimeout(options, deadline);
        List<Tensor> actions = agentCall(timeout, options, () -> options.batchSize() == 1
            ? List.of(agent.act(steps.getFirst(), timeout)) : agent.actBatch(steps, timeout));
        for (int k = 0; k < active.size(); k++) {
          int s = active.get(k);
          if (advance(slots[s], actions.get(k), envSpecs.get(slots[s].plan.task().envId()), options, listener)) {
            EpisodeOutcome outcome = slots[s].terminated ? EpisodeOutcome.TERMINATED : EpisodeOutcome.TRUNCATED;
            finish(summary(slots[s], outcome, Optional.empty()), results, progress, listener);
            slots[s] = null;
          }
        }
      }
    } catch (Stop stop) {
      failure = Optional.of(stop.failure);
      log.warn("Rollout stopped: {} ({})", stop.failure.message(), stop.failure.code());
      for (int s = 0; s < slots.length; s++) {
        if (slots[s] != null) {
          finish(summary(slots[s], EpisodeOutcome.FAILED, Optional.of(stop.failure.code())), results, progress, listener);
          slots[s] = null;
        }
      }
      for (Plan p : plans) {
        if (results[(int) p.index()] != null) {
          continue;
        }
        finish(new EpisodeSummary(p.index(), p.task().taskId(), p.task().envId(), p.episodeInTask(), p.seed(), 0, 0,
            false, EpisodeOutcome.NOT_RUN, Optional.of(stop.failure.code()), Duration.ZERO), results, progress, listener);
      }
    } finally {
      for (Map<String, Environment> m : envs) {
        m.values().forEach(RolloutEngine::closeQuietly);
      }
    }
    List<EpisodeSummary> episodes = Arrays.asList(results);
    RolloutResult result = new RolloutResult(RunMetrics.of(spec.tasks(), episodes), episodes, failure,
        Duration.between(start, clock.instant()));
    notify(listener, l -> l.runFinished(result));
    return result;
  }

  private Map<String, EnvSpec> validate(BenchmarkSpec spec) {
    Map<String, EnvSpec> specs = new LinkedHashMap<>();
    for (TaskSpec t : spec.tasks()) {
      EnvSpec env = registry.find(t.envId()).orElseThrow(() -> new KinitroException(ErrorCode.NOT_FOUND,
          "Task '" + t.taskId() + "' names unknown environment '" + t.envId() + "'"));
      for (String camera : spec.cameras()) {
        if (!env.cameras().contains(camera)) {
          throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "Environment " + t.envId() + " has no camera '"
              + camera + "'; it has " + env.cameras());
        }
      }
      specs.put(t.envId(), env);
    }
    return specs;
  }

  private Running begin(Plan plan, Map<String, Environment> slotEnvs, Map<String, EnvSpec> envSpecs,
      BenchmarkSpec spec, RolloutListener listener) {
    EnvSpec envSpec = envSpecs.get(plan.task().envId());
    int maxSteps = spec.maxEpisodeSteps() > 0 ? spec.maxEpisodeSteps() : envSpec.maxEpisodeSteps();
    Environment env;
    Running r;
    try {
      env = slotEnvs.computeIfAbsent(plan.task().envId(), registry::create);
      r = new Running(plan, env, spec, clock.instant(), maxSteps);
      ResetOptions reset = spec.maxEpisodeSteps() > 0 ? ResetOptions.DEFAULT.withMaxEpisodeSteps(maxSteps) : ResetOptions.DEFAULT;
      r.observation = withCameras(env.reset(plan.seed(), reset), env, spec);
    } catch (KinitroException e) {
      throw new Stop(e.code(), "Environment " + plan.task().envId() + " failed to reset: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new Stop(ErrorCode.ENVIRONMENT_FAILED, "Environment " + plan.task().envId() + " failed to reset: " + e, e);
    }
    notify(listener, l -> l.episodeStarted(plan.index(), plan.task(), plan.episodeInTask()));
    return r;
  }

  /** Tells the agent the episode starts: task, environment, instruction, index, action space; no seed. */
  private void resetAgent(Running r, Map<String, EnvSpec> envSpecs, AgentClient agent, RolloutOptions options,
      Instant deadline) {
    Plan plan = r.plan;
    TaskInfo info = new TaskInfo(plan.task().taskId(), plan.task().envId(), plan.task().instruction(), plan.index(),
        EnvTensors.toAgent(envSpecs.get(plan.task().envId()).actionSpace()), r.maxSteps);
    Duration timeout = callTimeout(options, deadline);
    agentCall(timeout, options, () -> {
      agent.reset(info, timeout);
      return null;
    });
  }

  private static Map<String, Tensor> withCameras(Map<String, Tensor> obs, Environment env, BenchmarkSpec spec) {
    if (spec.cameras().isEmpty()) {
      return obs;
    }
    Map<String, Tensor> all = new LinkedHashMap<>(obs);
    for (String camera : spec.cameras()) {
      all.put(CAMERA_PREFIX + camera, env.render(camera, spec.imageSize(), spec.imageSize()).toTensor());
    }
    return all;
  }

  /** Steps the episode with the agent's action; true when the episode is over. */
  private boolean advance(Running r, Tensor rawAction, EnvSpec envSpec, RolloutOptions options, RolloutListener listener) {
    Tensor action;
    try {
      action = ActionCheck.check(envSpec.actionSpace(), rawAction, r.plan.index(), r.steps);
    } catch (KinitroException e) {
      throw new Stop(e.code(), e.getMessage(), e);
    }
    Map<String, Tensor> shown = r.observation;
    StepResult result;
    try {
      result = r.env.step(action);
      result = new StepResult(withCameras(result.observation(), r.env, r.spec), result.reward(), result.terminated(),
          result.truncated(), result.success(), result.info());
    } catch (RuntimeException e) {
      throw new Stop(ErrorCode.ENVIRONMENT_FAILED, "Environment " + r.plan.task().envId() + " failed at step "
          + r.steps + " of episode " + r.plan.index() + ": " + e, e);
    }
    int step = r.steps;
    r.steps++;
    r.reward += result.reward();
    r.success |= result.success();
    r.terminated = result.terminated();
    r.observation = result.observation();
    boolean done = result.done() || r.steps >= r.maxSteps;
    if (step % options.stepLogInterval() == 0 || done) {
      Map<String, RgbImage> frames = options.framesInStepLog() ? frames(shown) : Map.of();
      StepRecord record = new StepRecord(r.plan.index(), r.plan.task().taskId(), step, action, result.reward(), r.reward,
          result.terminated(), result.truncated() || (done && !result.terminated()), result.success(),
          result.info(), frames);
      notify(listener, l -> l.stepSampled(record));
    }
    return done;
  }

  private static Map<String, RgbImage> frames(Map<String, Tensor> observation) {
    Map<String, RgbImage> frames = new LinkedHashMap<>();
    observation.forEach((k, v) -> {
      if (k.startsWith(CAMERA_PREFIX) && v instanceof Tensor.UInt8 img && img.shape().length == 3) {
        int[] s = img.shape();
        frames.put(k.substring(CAMERA_PREFIX.length()), new RgbImage(s[1], s[0], img.data()));
      }
    });
    return frames;
  }

  private EpisodeSummary summary(Running r, EpisodeOutcome outcome, Optional<ErrorCode> failure) {
    boolean failed = outcome == EpisodeOutcome.FAILED;
    return new EpisodeSummary(r.plan.index(), r.plan.task().taskId(), r.plan.task().envId(), r.plan.episodeInTask(),
        r.plan.seed(), r.steps, r.reward, !failed && r.success, outcome, failure, Duration.between(r.started, clock.instant()));
  }

  private void finish(EpisodeSummary summary, EpisodeSummary[] results, Progress progress, RolloutListener listener) {
    results[(int) summary.episodeIndex()] = summary;
    progress.finished++;
    progress.steps += summary.steps();
    notify(listener, l -> l.episodeFinished(summary));
    RolloutListener.Progress p = new RolloutListener.Progress(progress.finished, progress.total, progress.steps,
        Duration.between(progress.start, clock.instant()));
    notify(listener, l -> l.progress(p));
  }

  private static final class Progress {
    final int total;
    final Instant start;
    int finished;
    long steps;

    Progress(int total, Instant start) {
      this.total = total;
      this.start = start;
    }
  }

  /** The time the next call may take: the call timeout, or less when the run deadline is nearer. */
  private Duration callTimeout(RolloutOptions options, Instant deadline) {
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.isNegative() || left.isZero()) {
      throw new Stop(ErrorCode.ROLLOUT_DEADLINE_EXCEEDED, "The run did not finish within " + options.runDeadline(), null);
    }
    return left.compareTo(options.callTimeout()) < 0 ? left : options.callTimeout();
  }

  /** Runs an agent call; an agent fault (or a timeout cut short by the run deadline) stops the run. */
  private static <T> T agentCall(Duration timeout, RolloutOptions options, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (KinitroException e) {
      if (e.code() == ErrorCode.AGENT_TIMEOUT && timeout.compareTo(options.callTimeout()) < 0) {
        throw new Stop(ErrorCode.ROLLOUT_DEADLINE_EXCEEDED, "The run did not finish within " + options.runDeadline(), e);
      }
      throw new Stop(e.code(), e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new Stop(ErrorCode.AGENT_CALL_FAILED, "The agent call failed: " + e, e);
    }
  }

  private static void notify(RolloutListener listener, java.util.function.Consumer<RolloutListener> event) {
    try {
      event.accept(listener);
    } catch (RuntimeException e) {
      log.warn("Rollout listener failed; the run goes on", e);
    }
  }

  private static void closeQuietly(Environment env) {
    try {
      env.close();
    } catch (RuntimeException e) {
      log.warn("Closing an environment failed", e);
    }
  }
}
