package ai.kinitro.desktop.api;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /competitions} and {@code PUT /competitions/{id}} (a PUT replaces every
 * field). The backend validates the benchmark definitions against its environment registry and
 * answers 422 with a problem detail when one is wrong.
 */
public record CompetitionDraft(
    String name,
    String description,
    JsonNode benchmarks,
    int points,
    double minAvgReward,
    double winMarginPct,
    double minSuccessRate,
    long submissionHoldoutSeconds,
    Optional<Long> submissionMaxSizeBytes) {
  public CompetitionDraft {
    Objects.requireNonNull(name, "name");
    description = Nulls.text(description);
    Objects.requireNonNull(benchmarks, "benchmarks");
    submissionMaxSizeBytes = Nulls.opt(submissionMaxSizeBytes);
  }

  /** The draft that edits {@code c} without changing it. */
  public static CompetitionDraft of(CompetitionInfo c) {
    return new CompetitionDraft(c.name(), c.description(), c.benchmarks(), c.points(), c.minAvgReward(), c.winMarginPct(),
        c.minSuccessRate(), c.submissionHoldoutSeconds(), c.submissionMaxSizeBytes());
  }
}
