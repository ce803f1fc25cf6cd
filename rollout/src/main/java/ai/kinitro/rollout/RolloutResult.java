package ai.kinitro.rollout;

import ai.kinitro.common.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a run: metrics, every episode in episode-index order, and the failure that
 * stopped the run early, if any. The failure's category tells who is at fault: USER ({@code
 * AGENT_*}) counts against the submission; INTERNAL, EXTERNAL and RESOURCES are the platform's.
 */
public record RolloutResult(RunMetrics metrics, List<EpisodeSummary> episodes, Optional<Failure> failure, Duration elapsed) {
  public RolloutResult {
    Objects.requireNonNull(metrics, "metrics");
    episodes = List.copyOf(episodes);
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Why the run stopped early. */
  public record Failure(ErrorCode code, String message) {
    public Failure {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }

  public boolean completed() {
    return failure.isEmpty();
  }
}
