package ai.kinitro.env.policy;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.ResetOptions;
import ai.kinitro.env.ScriptedPolicies;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scripted experts solve their tasks (and clearly beat the random baseline). */
class ClassicExpertsTest {
  private static final int EPISODES = 50;

  private static List<EpisodeSummary> run(String id, boolean expert) {
    List<EpisodeSummary> out = new ArrayList<>();
    try (Environment env = EnvironmentRegistry.standard().create(id)) {
      for (int seed = 0; seed < EPISODES; seed++) {
        Policy policy = expert ? ScriptedPolicies.forEnv(id).orElseThrow() : new RandomPolicy(env.spec().actionSpace(), seed);
        out.add(EpisodeRunner.run(env, policy, seed, ResetOptions.DEFAULT, EpisodeRunner.StepObserver.NONE));
      }
    }
    return out;
  }

  private static double successRate(List<EpisodeSummary> episodes) {
    return episodes.stream().filter(EpisodeSummary::success).count() / (double) episodes.size();
  }

  private static double meanReward(List<EpisodeSummary> episodes) {
    return episodes.stream().mapToDouble(EpisodeSummary::totalReward).average().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"classic/CartPole-v1", "classic/MountainCar-v0", "classic/MountainCarContinuous-v0", "classic/Acrobot-v1"})
  void theExpertSucceedsInAtLeast90PercentOf50SeededEpisodes(String id) {
    assertThat(successRate(run(id, true))).isGreaterThanOrEqualTo(0.9);
  }

  @ParameterizedTest
  @ValueSource(strings = {"classic/CartPole-v1", "classic/Pendulum-v1", "classic/MountainCar-v0", "classic/Acrobot-v1"})
  void theExpertEarnsMoreRewardThanTheRandomBaseline(String id) {
    assertThat(meanReward(run(id, true))).isGreaterThan(meanReward(run(id, false)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"classic/Pendulum-v1"})
  void theSwingUpExpertHoldsThePendulumUpright(String id) {
    // Gymnasium's Pendulum reward is -(angle^2 + 0.1 omega^2 + 0.001 torque^2) per step; a swing-up
    // that then balances stays well above -400 over 200 steps, random stays near -1200.
    assertThat(meanReward(run(id, true))).isGreaterThan(-400);
  }
}
