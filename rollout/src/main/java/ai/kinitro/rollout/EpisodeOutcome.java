package ai.kinitro.rollout;

/** How an episode ended. FAILED and NOT_RUN episodes count as failures in the metrics. */
public enum EpisodeOutcome {
  /** The environment reached a terminal state. */
  TERMINATED,
  /** The step limit cut the episode off. */
  TRUNCATED,
  /** The run stopped during the episode (agent fault, deadline, environment failure). */
  FAILED,
  /** The run stopped before the episode began. */
  NOT_RUN
}
