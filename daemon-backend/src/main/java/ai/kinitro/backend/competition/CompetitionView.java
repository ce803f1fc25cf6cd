package ai.kinitro.backend.competition;

import ai.kinitro.env.benchmark.BenchmarkDefinition;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.List;

/** A competition in REST answers (ids as strings). */
public record CompetitionView(
    @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
    String name,
    String description,
    List<BenchmarkDefinition> benchmarks,
    int points,
    double minAvgReward,
    double winMarginPct,
    double minSuccessRate,
    long submissionHoldoutSeconds,
    Long submissionMaxSizeBytes,
    Long submissionUploadWindowSeconds,
    Integer submissionUploadsPerWindow,
    String currentLeaderHotkey,
    Double currentLeaderReward,
    @JsonFormat(shape = JsonFormat.Shape.STRING) Long currentLeaderCandidateId,
    Instant leaderUpdatedAt,
    boolean active,
    Instant startTime,
    Instant endTime,
    Instant createdAt,
    Instant updatedAt) {
  public static CompetitionView of(Competition c) {
    return new CompetitionView(c.id(), c.name(), c.description(), CompetitionService.benchmarksOf(c), c.points(), c.minAvgReward(),
        c.winMarginPct(), c.minSuccessRate(), c.submissionHoldoutSeconds(), c.submissionMaxSizeBytes(),
        c.submissionUploadWindowSeconds(), c.submissionUploadsPerWindow(), c.currentLeaderHotkey(), c.currentLeaderReward(),
        c.currentLeaderCandidateId(), c.leaderUpdatedAt(), c.active(), c.startTime(), c.endTime(), c.createdAt(), c.updatedAt());
  }
}
