package ai.kinitro.miner.eval;

import ai.kinitro.env.benchmark.BenchmarkDefinition;
import ai.kinitro.miner.check.CheckListener;
import ai.kinitro.rollout.EpisodeSummary;
import ai.kinitro.rollout.RolloutListener;

/** Progress of a local evaluation (a console progress line, a wizard's chart). Called on the run's thread. */
public interface LocalEvalListener extends CheckListener {
  LocalEvalListener NONE = new LocalEvalListener() {};

  @Override
  default void passed(String step) {}

  default void benchmarkStarted(BenchmarkDefinition benchmark, int episodes) {}

  default void episodeFinished(EpisodeSummary episode) {}

  default void progress(RolloutListener.Progress progress) {}
}
