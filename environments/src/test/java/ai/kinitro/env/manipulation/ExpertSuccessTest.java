package ai.kinitro.env.manipulation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.env.Environment;
import ai.kinitro.env.StepResult;
import ai.kinitro.env.Tensor;
import ai.kinitro.env.manipulation.experts.ManipulationPolicy;
import ai.kinitro.env.manipulation.experts.RandomPolicy;
import ai.kinitro.env.manipulation.experts.ScriptedExperts;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance bar of the suite: over seeds 0..49 each scripted expert succeeds at least 90% of
 * the time, and a seeded random policy at most 10% (reach excepted). An episode succeeds when any
 * step reports success within the 500-step limit.
 */
@Tag("slow")
class ExpertSuccessTest {
  private static final int EPISODES = 50;

  static List<String> tasks() {
    return ManipulationSuite.taskNames();
  }

  static List<String> tasksButReach() {
    return tasks().stream().filter(t -> !t.equals("reach")).toList();
  }

  @ParameterizedTest
  @MethodSource("tasks")
  void theScriptedExpertSucceedsInAtLeastNinetyPercentOfEpisodes(String task) {
    int successes = successes(task, seed -> ScriptedExperts.forTask(task));
    assertThat(successes).as("%s expert successes out of %d", task, EPISODES).isGreaterThanOrEqualTo(45);
  }

  @ParameterizedTest
  @MethodSource("tasksButReach")
  void aRandomPolicySucceedsInAtMostTenPercentOfEpisodes(String task) {
    int successes = successes(task, seed -> new RandomPolicy(1000 + seed));
    assertThat(successes).as("%s random successes out of %d", task, EPISODES).isLessThanOrEqualTo(5);
  }

  private static int successes(String task, LongFunction<ManipulationPolicy> policies) {
    int successes = 0;
    try (Environment env = Trajectories.factory(task).create()) {
      for (long seed = 0; seed < EPISODES; seed++) {
        ManipulationPolicy policy = policies.apply(seed);
        Map<String, Tensor> obs = env.reset(seed);
        while (true) {
          StepResult r = env.step(policy.act(obs));
          if (r.success()) {
            successes++;
            break;
          }
          if (r.done()) {
            break;
          }
          obs = r.observation();
        }
      }
    }
    return successes;
  }
}
