package example;

import ai.kinitro.common.agent.ActionSpace;
import ai.kinitro.common.agent.Agent;
import ai.kinitro.common.agent.AgentServer;
import ai.kinitro.common.agent.AgentTensor;
import ai.kinitro.common.agent.Step;
import ai.kinitro.common.agent.TaskInfo;
import java.util.HashMap;
import java.util.Map;

/** A Kinitro agent in Java: implement Agent, serve it with AgentServer. */
public final class MyAgent implements Agent {
  private final Map<Long, ActionSpace> spaces = new HashMap<>();

  @Override
  public String name() {
    return "my-agent/1";
  }

  @Override
  public void reset(TaskInfo task) {
    // task: taskId, envId, instruction, episodeIndex, actionSpace, maxEpisodeSteps. No seed.
    spaces.put(task.episodeIndex(), task.actionSpace());
  }

  @Override
  public AgentTensor act(Step step) {
    double[] state = step.get("state").toDoubles();
    return switch (spaces.get(step.episodeIndex())) {
      case ActionSpace.Discrete d -> AgentTensor.scalar(d.start() + (state[2] + 0.5 * state[3] > 0 ? 1 : 0));
      case ActionSpace.Box box -> AgentTensor.float32(box.shape(), new float[box.size()]);
    };
  }

  public static void main(String[] args) {
    AgentServer.serve(new MyAgent(), args); // parses --host/--port, stops cleanly on SIGTERM
  }
}
