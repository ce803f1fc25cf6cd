package ai.kinitro.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.agent.ActionSpace;
import ai.kinitro.common.agent.Agent;
import ai.kinitro.common.agent.AgentTensor;
import ai.kinitro.common.agent.Step;
import ai.kinitro.common.agent.TaskInfo;
import ai.kinitro.common.agent.examples.PolicyAgent;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RolloutEngineTest {
  static final InstantSource FIXED = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));
  static final BenchmarkSpec SPEC = BenchmarkSpec.of(List.of(
      new TaskSpec("goal#0", GoalEnvironment.ID, "reach the goal", 11),
      new TaskSpec("goal#1", GoalEnvironment.ID, "", -4242)), 5, 0);

  /** Moves right by 0.3 per step, whatever the goal: succeeds when the goal lies in its path. */
  static Agent rightMover() {
    return PolicyAgent.ofState(obs -> new double[] {0.3});
  }

  private final RolloutEngine engine = new RolloutEngine(GoalEnvironment.registry(), FIXED);

  private RolloutResult run(Agent agent, int batch) {
    return engine.run(SPEC, new InProcessAgentClient(agent), RolloutOptions.DEFAULT.withBatchSize(batch), RolloutListener.NONE);
  }

  @Test
  void runsEveryEpisodeOfEveryTaskInEpisodeOrder() {
    RolloutResult r = run(rightMover(), 1);

    assertThat(r.completed()).isTrue();
    assertThat(r.episodes()).extracting(EpisodeSummary::episodeIndex).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(r.episodes()).extracting(EpisodeSummary::taskId).containsExactly(
        "goal#0", "goal#0", "goal#0", "goal#0", "goal#0", "goal#1", "goal#1", "goal#1", "goal#1", "goal#1");
    assertThat(r.episodes()).extracting(EpisodeSummary::seed).containsExactly(
        EpisodeSeeds.episodeSeed(11, 0), EpisodeSeeds.episodeSeed(11, 1), EpisodeSeeds.episodeSeed(11, 2),
        EpisodeSeeds.episodeSeed(11, 3), EpisodeSeeds.episodeSeed(11, 4), EpisodeSeeds.episodeSeed(-4242, 0),
        EpisodeSeeds.episodeSeed(-4242, 1), EpisodeSeeds.episodeSeed(-4242, 2), EpisodeSeeds.episodeSeed(-4242, 3),
        EpisodeSeeds.episodeSeed(-4242, 4));
  }

  @Test
  void eachEpisodeMatchesAHandComputedReplayOfItsSeed() {
    RolloutResult r = run(rightMover(), 1);

    for (EpisodeSummary e : r.episodes()) {
      double goal = GoalEnvironment.goalOf(e.seed());
      double position = 0;
      double reward = 0;
      int steps = 0;
      boolean success = false;
      while (steps < 20 && !success) {
        position += (float) 0.3;
        steps++;
        reward -= Math.abs(position - goal);
        success = Math.abs(position - goal) < 0.25;
      }
      assertThat(e.steps()).isEqualTo(steps);
      assertThat(e.totalReward()).isCloseTo(reward, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(e.success()).isEqualTo(success);
      assertThat(e.outcome()).isEqualTo(success ? EpisodeOutcome.TERMINATED : EpisodeOutcome.TRUNCATED);
    }
  }

  @Test
  void resultsAreTheSameWhateverTheBatchSize() {
    RolloutResult one = run(rightMover(), 1);

    for (int batch : new int[] {2, 3, 8, 64}) {
      assertThat(run(rightMover(), batch)).as("batch %d", batch).isEqualTo(one);
    }
  }

  @Test
  void metricsFollowFromTheEpisodes() {
    RolloutResult r = run(rightMover(), 4);

    assertThat(r.metrics()).isEqualTo(RunMetrics.of(SPEC.tasks(), r.episodes()));
    assertThat(r.metrics().totalEpisodes()).isEqualTo(10);
    assertThat(r.metrics().totalSteps()).isEqualTo(r.episodes().stream().mapToLong(EpisodeSummary::steps).sum());
  }

  static class RecordingAgent implements Agent {
    final List<TaskInfo> resets = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();

    @Override
    public void reset(TaskInfo task) {
      resets.add(task);
    }

    @Override
    public AgentTensor act(Step step) {
      steps.add(step);
      return AgentTensor.vector(0.3f);
    }
  }

  @Test
  void resetsTheAgentBeforeEveryEpisodeWithTheTaskAndNoSeed() {
    RecordingAgent agent = new RecordingAgent();

    run(agent, 3);

    ActionSpace box = new ActionSpace.Box(AgentTensor.DType.FLOAT32, new int[] {1}, new double[] {-1}, new double[] {1});
    assertThat(agent.resets).hasSize(10);
    assertThat(agent.resets.getFirst()).isEqualTo(new TaskInfo("goal#0", GoalEnvironment.ID, "reach the goal", 0, box, 20));
    assertThat(agent.resets).extracting(TaskInfo::episodeIndex).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
  }

  @Test
  void anAgentFaultStopsTheRunAndEveryUnfinishedEpisodeCountsAsAFailure() {
    Agent failsInEpisode3 = new RecordingAgent() {
      @Override
      public AgentTensor act(Step step) {
        if (step.episodeIndex() == 3 && step.step() == 2) {
          throw new IllegalStateException("policy exploded");
        }
        return super.act(step);
      }
    };

    RolloutResult r = run(failsInEpisode3, 1);

    assertThat(r.failure()).hasValueSatisfying(f -> {
      assertThat(f.code()).isEqualTo(ErrorCode.AGENT_CALL_FAILED);
      assertThat(f.message()).contains("policy exploded");
    });
    assertThat(r.episodes()).extracting(EpisodeSummary::outcome).containsSubsequence(
        EpisodeOutcome.FAILED, EpisodeOutcome.NOT_RUN);
    assertThat(r.episodes().get(3).outcome()).isEqualTo(EpisodeOutcome.FAILED);
    assertThat(r.episodes().get(3).steps()).isEqualTo(2);
    assertThat(r.episodes().subList(4, 10)).allSatisfy(e -> {
      assertThat(e.outcome()).isEqualTo(EpisodeOutcome.NOT_RUN);
      assertThat(e.failure()).contains(ErrorCode.AGENT_CALL_FAILED);
    });
    assertThat(r.metrics().totalEpisodes()).isEqualTo(10);
    assertThat(r.metrics().failedEpisodes()).isEqualTo(7);
    assertThat(r.metrics().tasks().get(1).successRate()).isZero();
  }

  @Test
  void aNonFiniteActionIsAnInvalidAction() {
    Agent raw = new RecordingAgent() {
      @Override
      public AgentTensor act(Step step) {
        return AgentTensor.vector(Float.NaN);
      }
    };

    RolloutResult r = run(raw, 2);

    assertThat(r.failure()).hasValueSatisfying(f -> assertThat(f.code()).isEqualTo(ErrorCode.AGENT_INVALID_ACTION));
  }

  @Test
  void anActionOfTheWrongShapeIsAnInvalidAction() {
    Agent wide = new RecordingAgent() {
      @Override
      public AgentTensor act(Step step) {
        return AgentTensor.vector(0.1f, 0.2f);
      }
    };

    assertThat(run(wide, 1).failure()).hasValueSatisfying(f -> {
      assertThat(f.code()).isEqualTo(ErrorCode.AGENT_INVALID_ACTION);
      assertThat(f.message()).isEqualTo(
          "The agent's action for episode 0 step 0 is invalid: shape [2] does not fit the action box [1]");
    });
  }

  @Test
  void theRunDeadlineStopsTheRun() {
    AtomicLong millis = new AtomicLong();
    InstantSource ticking = () -> Instant.ofEpochMilli(millis.addAndGet(100));
    RolloutEngine slowClock = new RolloutEngine(GoalEnvironment.registry(), ticking);

    RolloutResult r = slowClock.run(SPEC, new InProcessAgentClient(rightMover()),
        RolloutOptions.DEFAULT.withRunDeadline(Duration.ofSeconds(5)), RolloutListener.NONE);

    assertThat(r.failure()).hasValueSatisfying(f -> assertThat(f.code()).isEqualTo(ErrorCode.ROLLOUT_DEADLINE_EXCEEDED));
    assertThat(r.metrics().totalEpisodes()).isEqualTo(10);
    assertThat(r.metrics().failedEpisodes()).isPositive();
  }

  @Test
  void anUnknownEnvironmentIsRefusedBeforeTheAgentIsCalled() {
    RecordingAgent agent = new RecordingAgent();
    BenchmarkSpec bad = BenchmarkSpec.of(List.of(new TaskSpec("x", "test/Nope-v1", "", 1)), 1, 0);

    assertThatThrownBy(() -> engine.run(bad, new InProcessAgentClient(agent), RolloutOptions.DEFAULT, RolloutListener.NONE))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    assertThat(agent.resets).isEmpty();
  }

  @Test
  void anUnknownCameraIsRefused() {
    BenchmarkSpec bad = new BenchmarkSpec(SPEC.tasks(), 1, 0, List.of("side"), 8);

    assertThatThrownBy(() -> engine.run(bad, new InProcessAgentClient(rightMover()), RolloutOptions.DEFAULT, RolloutListener.NONE))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}
