package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.Fields;

/**
 * Results of one task of a job.
 *
 * @param taskId the task, from the job's task set
 * @param episodes episodes that finished normally
 * @param successes successful episodes among them
 * @param erroredEpisodes episodes that ended with an exception (not in the means)
 * @param meanReward mean cumulative reward of the finished episodes (0 if none)
 * @param meanSteps mean steps of the finished episodes (0 if none)
 */
public record TaskResult(
    String taskId, int episodes, int successes, int erroredEpisodes, double meanReward, double meanSteps) {
  public TaskResult {
    Fields.token(taskId, "task_id");
    Fields.atLeast(episodes, 0, "episodes");
    Fields.between(successes, 0, episodes, "successes");
    Fields.atLeast(erroredEpisodes, 0, "errored_episodes");
    Fields.finite(meanReward, "mean_reward");
    Fields.nonNegative(meanSteps, "mean_steps");
  }
}
