package ai.kinitro.common.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * What a miner implements. {@link AgentServer#serve} exposes it over the agent protocol.
 *
 * <p>The evaluator calls {@link #reset} before the first step of every episode, then {@link #act}
 * (or {@link #actBatch} when it runs several episodes in lock-step) once per step. Calls never
 * overlap: the server hands them to the agent one at a time, so an implementation needs no
 * locking. Several episodes may be in progress at once; {@link Step#episodeIndex()} says which one
 * a step belongs to.
 *
 * <p>Throwing from a method fails the call; the evaluator counts it against the submission.
 */
public interface Agent {

  /** Free text naming the agent and its version; it appears in the evaluator's logs. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** An episode starts. Clear any per-episode state kept for {@code task.episodeIndex()}. */
  void reset(TaskInfo task);

  /** The action for one step; it must lie in the task's {@link ActionSpace}. */
  AgentTensor act(Step step);

  /**
   * The actions for several episodes' steps at once, in the same order. The default calls {@link
   * #act} for each; override it to evaluate a policy on the whole batch in one go.
   */
  default List<AgentTensor> actBatch(List<Step> steps) {
    List<AgentTensor> actions = new ArrayList<>(steps.size());
    for (Step s : steps) {
      actions.add(act(s));
    }
    return actions;
  }
}
