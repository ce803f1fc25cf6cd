package ai.kinitro.common.agent.examples;

import ai.kinitro.common.agent.ActionSpace;
import ai.kinitro.common.agent.Agent;
import ai.kinitro.common.agent.AgentServer;
import ai.kinitro.common.agent.AgentTensor;
import ai.kinitro.common.agent.Step;
import ai.kinitro.common.agent.TaskInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Wraps a policy function from one observation vector (the tensor named {@code observationKey},
 * flattened to doubles) to an action vector, and makes the result a valid action of the episode's
 * action space (clipped box, or a discrete choice: rounded single value or argmax of scores).
 */
public final class PolicyAgent implements Agent {
  /** The observation every Kinitro environment provides. */
  public static final String STATE = "state";

  private final String observationKey;
  private final UnaryOperator<double[]> policy;
  private final Map<Long, ActionSpace> spaces = new HashMap<>();

  public PolicyAgent(String observationKey, UnaryOperator<double[]> policy) {
    this.observationKey = Objects.requireNonNull(observationKey, "observationKey");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** A policy over the {@code state} observation. */
  public static PolicyAgent ofState(UnaryOperator<double[]> policy) {
    return new PolicyAgent(STATE, policy);
  }

  @Override
  public String name() {
    return "kinitro-example-policy/1";
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
    return ActionShaping.toAction(space, policy.apply(step.get(observationKey).toDoubles()));
  }

  /**
   * Serves a linear policy {@code action[i] = sum_j w[i][j] * state[j]} with weights given as
   * {@code --weights "w00,w01;w10,w11"} (rows separated by ';'), or, by default, the classic
   * CartPole controller that pushes the cart towards the side the pole leans to.
   */
  public static void main(String[] args) {
    UnaryOperator<double[]> policy = CART_POLE;
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--weights")) {
        String[] rows = args[i + 1].split(";");
        double[][] weights = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
          String[] cols = rows[r].split(",");
          weights[r] = new double[cols.length];
          for (int c = 0; c < cols.length; c++) {
            weights[r][c] = Double.parseDouble(cols[c].trim());
          }
        }
        policy = linear(weights);
      }
    }
    AgentServer.serve(ofState(policy), args);
  }

  /**
   * CartPole ({@code state = [x, x_dot, theta, theta_dot]}): push right (1) when the pole leans or
   * falls to the right, else left (0).
   */
  public static final UnaryOperator<double[]> CART_POLE = obs -> new double[] {obs[2] + 0.5 * obs[3] > 0 ? 1 : 0};

  /** The linear policy {@code out = W obs} (missing weights count as zero). */
  public static UnaryOperator<double[]> linear(double[][] weights) {
    double[][] w = weights.clone();
    return obs -> {
      double[] out = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        for (int j = 0; j < Math.min(obs.length, w[i].length); j++) {
          out[i] += w[i][j] * obs[j];
        }
      }
      return out;
    };
  }
}
