package ai.kinitro.desktop.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A competition as {@code GET /competitions} shows it: its rules, its benchmarks (kept as the JSON
 * the backend sent, so an admin edits exactly what is stored) and its current leader.
 */
public record CompetitionInfo(
    String id,
    String name,
    String description,
    JsonNode benchmarks,
    int points,
    double minAvgReward,
    double winMarginPct,
    double minSuccessRate,
    long submissionHoldoutSeconds,
    Optional<Long> submissionMaxSizeBytes,
    Optional<Long> submissionUploadWindowSeconds,
    Optional<Integer> submissionUploadsPerWindow,
    Optional<String> currentLeaderHotkey,
    Optional<Double> currentLeaderReward,
    Optional<String> currentLeaderCandidateId,
    boolean active,
    Optional<Instant> createdAt) {
  public CompetitionInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    description = Nulls.text(description);
    benchmarks = benchmarks == null ? JsonNodeFactory.instance.arrayNode() : benchmarks;
    submissionMaxSizeBytes = Nulls.opt(submissionMaxSizeBytes);
    submissionUploadWindowSeconds = Nulls.opt(submissionUploadWindowSeconds);
    submissionUploadsPerWindow = Nulls.opt(submissionUploadsPerWindow);
    currentLeaderHotkey = Nulls.opt(currentLeaderHotkey);
    currentLeaderReward = Nulls.opt(currentLeaderReward);
    currentLeaderCandidateId = Nulls.opt(currentLeaderCandidateId);
    createdAt = Nulls.opt(createdAt);
  }
}
