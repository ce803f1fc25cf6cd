package ai.kinitro.evaluator.orchestrator;

import ai.kinitro.rollout.EpisodeSummary;
import ai.kinitro.rollout.RolloutListener;
import ai.kinitro.rollout.RolloutResult;
import ai.kinitro.rollout.StepRecord;
import ai.kinitro.rollout.TaskSpec;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Several rollout listeners as one, in order; one that throws does not stop the others. */
record Listeners(List<RolloutListener> all) implements RolloutListener {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  Listeners {
    all = List.copyOf(all);
  }

  private void each(Consumer<RolloutListener> event) {
    for (RolloutListener l : all) {
      try {
        event.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("Rollout listener {} failed; the run goes on", l.getClass().getSimpleName(), e);
      }
    }
  }

  @Override
  public void runStarted(int totalEpisodes) {
    each(l -> l.runStarted(totalEpisodes));
  }

  @Override
  public void episodeStarted(long episodeIndex, TaskSpec task, int episodeInTask) {
    each(l -> l.episodeStarted(episodeIndex, task, episodeInTask));
  }

  @Override
  public void stepSampled(StepRecord step) {
    each(l -> l.stepSampled(step));
  }

  @Override
  public void episodeFinished(EpisodeSummary episode) {
    each(l -> l.episodeFinished(episode));
  }

  @Override
  public void progress(Progress progress) {
    each(l -> l.progress(progress));
  }

  @Override
  public void runFinished(RolloutResult result) {
    each(l -> l.runFinished(result));
  }
}
