package ai.kinitro.common.agent.examples;

import ai.kinitro.common.agent.ActionSpace;
import ai.kinitro.common.agent.Agent;
import ai.kinitro.common.agent.AgentServer;
import ai.kinitro.common.agent.AgentTensor;
import ai.kinitro.common.agent.Step;
import ai.kinitro.common.agent.TaskInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Picks actions uniformly at random from each episode's action space (box elements with an
 * infinite bound are drawn from [-1, 1] and clipped). Its own seed makes it reproducible; it knows
 * nothing of the episode seed.
 */
public final class RandomAgent implements Agent {
  private final SplittableRandom random;
  private final Map<Long, ActionSpace> spaces = new HashMap<>();

  public RandomAgent(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  public String name() {
    return "kinitro-example-random/1";
  }

  @Override
  public void reset(TaskInfo task) {
    spaces.put(task.episodeIndex(), task.actionSpace());
  }

  @Override
  public AgentTensor act(Step step) {
    ActionSpace space = spaces.get(step.episodeIndex());
    if (space == null) {
      throw new IllegalStateException("act for episode " + step.episodeIndex() + " before its reset");
    }
    return switch (space) {
      case ActionSpace.Box box -> {
        double[] v = new double[box.size()];
        for (int i = 0; i < v.length; i++) {
          double lo = Double.isFinite(box.low(i)) ? box.low(i) : -1;
          double hi = Double.isFinite(box.high(i)) ? box.high(i) : 1;
          v[i] = lo + random.nextDouble() * (hi - lo);
        }
        yield ActionShaping.toAction(box, v);
      }
      case ActionSpace.Discrete d -> AgentTensor.scalar(d.start() + random.nextLong(d.n()));
    };
  }

  /** Serves a random agent: {@code RandomAgent --host H --port P}. */
  public static void main(String[] args) {
    AgentServer.serve(new RandomAgent(0), args);
  }
}
