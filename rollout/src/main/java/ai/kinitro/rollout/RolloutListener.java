package ai.kinitro.rollout;

import java.time.Duration;

/**
 * Receives what happens during a run, on the run's thread: episode starts and summaries, steps
 * sampled every {@link RolloutOptions#stepLogInterval()} steps (plus each episode's last), and
 * progress after every finished episode. The evaluator's episode logger and the desktop's live
 * chart implement it. A listener that throws is logged and ignored: logging never changes a score.
 */
public interface RolloutListener {
  RolloutListener NONE = new RolloutListener() {};

  default void runStarted(int totalEpisodes) {}

  default void episodeStarted(long episodeIndex, TaskSpec task, int episodeInTask) {}

  default void stepSampled(StepRecord step) {}

  default void episodeFinished(EpisodeSummary episode) {}

  default void progress(Progress progress) {}

  default void runFinished(RolloutResult result) {}

  /** Episodes finished out of the total, steps taken so far, and time since the run started. */
  record Progress(int episodesFinished, int totalEpisodes, long stepsTaken, Duration elapsed) {}
}
