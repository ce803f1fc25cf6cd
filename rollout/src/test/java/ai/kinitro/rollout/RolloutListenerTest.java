package ai.kinitro.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.agent.examples.PolicyAgent;
import ai.kinitro.env.RgbImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutListenerTest {

  static class Recorder implements RolloutListener {
    final List<String> events = new ArrayList<>();
    final List<StepRecord> steps = new ArrayList<>();
    final List<Progress> progress = new ArrayList<>();

    @Override
    public void runStarted(int totalEpisodes) {
      events.add("run " + totalEpisodes);
    }

    @Override
    public void episodeStarted(long episodeIndex, TaskSpec task, int episodeInTask) {
      events.add("start " + episodeIndex);
    }

    @Override
    public void stepSampled(StepRecord step) {
      steps.add(step);
    }

    @Override
    public void episodeFinished(EpisodeSummary episode) {
      events.add("end " + episode.episodeIndex());
    }

    @Override
    public void progress(Progress p) {
      progress.add(p);
    }

    @Override
    public void runFinished(RolloutResult result) {
      events.add("done");
    }
  }

  private final BenchmarkSpec spec = new BenchmarkSpec(
      List.of(new TaskSpec("goal#0", GoalEnvironment.ID, "", 1234)), 2, 7, List.of("top"), 4);

  private RolloutResult run(Recorder recorder, RolloutOptions options) {
    return new RolloutEngine(GoalEnvironment.registry(), RolloutEngineTest.FIXED)
        .run(spec, new InProcessAgentClient(PolicyAgent.ofState(obs -> new double[] {-0.01})), options, recorder);
  }

  @Test
  void reportsTheRunEpisodeByEpisode() {
    Recorder r = new Recorder();

    run(r, RolloutOptions.DEFAULT);

    assertThat(r.events).containsExactly("run 2", "start 0", "end 0", "start 1", "end 1", "done");
  }

  @Test
  void samplesEveryNthStepAndTheLastOne() {
    Recorder r = new Recorder();

    run(r, RolloutOptions.DEFAULT.withStepLogInterval(3));

    // 7 steps per episode (the step limit): steps 0, 3, 6 are sampled, 6 being the last.
    assertThat(r.steps).extracting(s -> s.episodeIndex() + ":" + s.step())
        .containsExactly("0:0", "0:3", "0:6", "1:0", "1:3", "1:6");
    assertThat(r.steps.get(2).truncated()).isTrue();
    assertThat(r.steps).allSatisfy(s -> assertThat(s.frames()).isEmpty());
  }

  @Test
  void addsTheObservedCameraFramesWhenAsked() {
    Recorder r = new Recorder();

    run(r, RolloutOptions.DEFAULT.withStepLogInterval(100).withFramesInStepLog(true));

    // Step 0 answers the reset observation: position 0, so every byte is 0.
    assertThat(r.steps.getFirst().frames()).containsOnlyKeys("top");
    RgbImage frame = r.steps.getFirst().frames().get("top");
    assertThat(frame.width()).isEqualTo(4);
    assertThat(frame.height()).isEqualTo(4);
    assertThat(frame.rgb()).isEqualTo(new byte[48]);
  }

  @Test
  void reportsProgressAfterEveryEpisode() {
    Recorder r = new Recorder();

    run(r, RolloutOptions.DEFAULT);

    assertThat(r.progress).extracting(p -> p.episodesFinished() + "/" + p.totalEpisodes() + " " + p.stepsTaken())
        .containsExactly("1/2 7", "2/2 14");
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheRun() {
    Recorder r = new Recorder() {
      @Override
      public void episodeFinished(EpisodeSummary episode) {
        throw new IllegalStateException("disk full");
      }
    };

    RolloutResult result = run(r, RolloutOptions.DEFAULT);

    assertThat(result.completed()).isTrue();
    assertThat(result.episodes()).hasSize(2);
  }
}
