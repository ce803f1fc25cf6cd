package ai.kinitro.backend.stats;

import ai.kinitro.backend.competition.Competition;
import ai.kinitro.backend.competition.CompetitionRepository;
import ai.kinitro.backend.scoring.AwardCalculator;
import ai.kinitro.backend.scoring.ScoringProperties;
import ai.kinitro.backend.metagraph.MetagraphSource;
import ai.kinitro.backend.scoring.Award;
import ai.kinitro.backend.submission.SubmissionQueries;
import ai.kinitro.backend.web.Page;
import ai.kinitro.backend.web.Paging;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.realtime.EventPayload;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /stats}, {@code /competitions/leaderboard}, {@code /leaderboards/submissions}. */
@RestController
@Tag(name = "stats and leaderboards")
class StatsController {
  private static final Map<String, String> SUBMISSION_SORTS = Map.of(
      "avg_reward", "avg_reward", "success_rate", "success_rate", "score", "score", "total_results", "total_results",
      "last_result_time", "last_result_time");

  private final JdbcClient jdbc;
  private final CompetitionRepository competitions;
  private final MetagraphSource metagraph;
  private final ScoringProperties scoring;
  private final GlobalStats globalStats;

  StatsController(JdbcClient jdbc, CompetitionRepository competitions, MetagraphSource metagraph, ScoringProperties scoring,
      GlobalStats globalStats) {
    this.globalStats = globalStats;
    this.jdbc = jdbc;
    this.competitions = competitions;
    this.metagraph = metagraph;
    this.scoring = scoring;
  }

  record Stats(long totalCompetitions, long activeCompetitions, long totalPoints, long connectedValidators, long totalSubmissions,
      long totalJobs, long totalResults, long completedResults, long failedResults, Long lastSeenBlock,
      Map<String, Double> competitionPercentages) {}

  @GetMapping("/stats")
  Stats stats() {
    EventPayload.StatsUpdated now = globalStats.compute();
    return new Stats(now.totalCompetitions(), now.activeCompetitions(), now.totalPoints(), now.connectedValidators(),
        now.totalSubmissions(), now.totalJobs(), now.totalResults(), now.completedJobs(), now.failedJobs(),
        now.lastSeenBlock().orElse(null), now.competitionPercentages());
  }

  record CompetitionLeader(@JsonFormat(shape = JsonFormat.Shape.STRING) long competitionId, String competitionName, int points,
      String currentLeaderHotkey, @JsonFormat(shape = JsonFormat.Shape.STRING) Long currentLeaderSubmissionId, Double currentLeaderReward,
      Instant leaderUpdatedAt, double weightShare, Award.Outcome awardOutcome) {}

  record Leader(int rank, String minerHotkey, long totalPoints, double weightShare, List<String> competitions,
      Map<String, String> competitionSubmissionIds) {}

  record CompetitionLeaderboard(int totalCompetitions, long totalPoints, double burnShare, List<Leader> leaders,
      List<CompetitionLeader> competitions) {}

  @GetMapping("/competitions/leaderboard")
  @Operation(summary = "Leaders of the active competitions; weight_share is what the weights actually give (burn and one win per miner applied)")
  CompetitionLeaderboard leaderboard() {
    List<Competition> active = competitions.findActiveInAwardOrder();
    Map<Long, Award> awards = new LinkedHashMap<>();
    try {
      AwardCalculator.compute(active, metagraph.neurons(), scoring.burnShare(), scoring.ownerUid()).awards()
          .forEach(a -> awards.put(a.competitionId(), a));
    } catch (KinitroException e) {
      // owner uid not in the metagraph yet: shares are unknown, leaders are still listed
    }
    Map<Long, Long> leaderSubmission = new LinkedHashMap<>();
    jdbc.sql("""
            SELECT c.id, lc.submission_id FROM competitions c JOIN leader_candidates lc ON lc.id = c.current_leader_candidate_id
            WHERE c.active""")
        .query((rs, i) -> leaderSubmission.put(rs.getLong(1), rs.getLong(2))).list();
    long totalPoints = active.stream().mapToLong(Competition::points).sum();
    List<CompetitionLeader> rows = new ArrayList<>();
    Map<String, Leader> byHotkey = new TreeMap<>();
    for (Competition c : active) {
      Award award = awards.get(c.id());
      boolean awarded = award != null && award.outcome() == Award.Outcome.AWARDED;
      rows.add(new CompetitionLeader(c.id(), c.name(), c.points(), c.currentLeaderHotkey(), leaderSubmission.get(c.id()),
          c.currentLeaderReward(), c.leaderUpdatedAt(), awarded ? award.share() : 0.0, award == null ? null : award.outcome()));
      if (c.currentLeaderHotkey() != null) {
        Leader previous = byHotkey.get(c.currentLeaderHotkey());
        List<String> comps = new ArrayList<>(previous == null ? List.of() : previous.competitions());
        comps.add(Long.toString(c.id()));
        Map<String, String> subs = new LinkedHashMap<>(previous == null ? Map.of() : previous.competitionSubmissionIds());
        if (leaderSubmission.containsKey(c.id())) {
          subs.put(Long.toString(c.id()), Long.toString(leaderSubmission.get(c.id())));
        }
        byHotkey.put(c.currentLeaderHotkey(), new Leader(0, c.currentLeaderHotkey(),
            (previous == null ? 0 : previous.totalPoints()) + c.points(),
            (previous == null ? 0 : previous.weightShare()) + (awarded ? award.share() : 0.0), comps, subs));
      }
    }
    List<Leader> ranked = byHotkey.values().stream()
        .sorted(Comparator.comparingLong(Leader::totalPoints).reversed().thenComparing(Leader::minerHotkey)).toList();
    List<Leader> leaders = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      Leader l = ranked.get(i);
      leaders.add(new Leader(i + 1, l.minerHotkey(), l.totalPoints(), l.weightShare(), l.competitions(), l.competitionSubmissionIds()));
    }
    return new CompetitionLeaderboard(active.size(), totalPoints, scoring.burnShare(), leaders, rows);
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SubmissionEntry(long rank, @JsonFormat(shape = JsonFormat.Shape.STRING) long submissionId,
      @JsonFormat(shape = JsonFormat.Shape.STRING) long competitionId, String minerHotkey, String version, Double avgReward,
      Double successRate, Double score, long totalResults, long validators, Long totalEpisodes, Instant lastResultTime) {}

  @GetMapping("/leaderboards/submissions")
  @Operation(summary = "Submissions ranked by the median over completed results (avg_reward, success_rate, score)")
  Page<SubmissionEntry> submissions(
      @RequestParam(name = "competition_id", required = false) Long competitionId,
      @RequestParam(name = "miner_hotkey", required = false) String minerHotkey,
      @RequestParam(name = "benchmark_name", required = false) String benchmarkName,
      @RequestParam(name = "validator_hotkey", required = false) String validatorHotkey,
      @RequestParam(name = "min_results", defaultValue = "1") int minResults,
      @RequestParam(name = "sort_by", defaultValue = "avg_reward") String sortBy,
      @RequestParam(name = "sort_direction", required = false) String sortDirection,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    Paging paging = Paging.of(limit, offset);
    String column = SUBMISSION_SORTS.get(sortBy);
    if (column == null) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "sort_by must be one of " + SUBMISSION_SORTS.keySet().stream().sorted().toList());
    }
    String direction = SubmissionQueries.parseDirection(sortDirection).isAscending() ? "ASC" : "DESC";
    String where = """
        WHERE r.status = 'COMPLETED'
          AND (CAST(:competitionId AS bigint) IS NULL OR r.competition_id = :competitionId)
          AND (CAST(:minerHotkey AS text) IS NULL OR r.miner_hotkey = :minerHotkey)
          AND (CAST(:benchmarkName AS text) IS NULL OR r.benchmark_name = :benchmarkName)
          AND (CAST(:validatorHotkey AS text) IS NULL OR r.validator_hotkey = :validatorHotkey)""";
    String grouped = """
        SELECT r.submission_id, r.competition_id, r.miner_hotkey, s.version,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY r.avg_reward) AS avg_reward,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY r.success_rate) AS success_rate,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY r.score) AS score,
               count(*) AS total_results, count(DISTINCT r.validator_hotkey) AS validators,
               sum(r.total_episodes) AS total_episodes, max(r.result_time) AS last_result_time
        FROM results r JOIN submissions s ON s.id = r.submission_id
        """ + where + """

        GROUP BY r.submission_id, r.competition_id, r.miner_hotkey, s.version
        HAVING count(*) >= :minResults""";
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("competitionId", competitionId);
    params.put("minerHotkey", minerHotkey);
    params.put("benchmarkName", benchmarkName);
    params.put("validatorHotkey", validatorHotkey);
    params.put("minResults", Math.max(1, minResults));
    long total = jdbc.sql("SELECT count(*) FROM (" + grouped + ") g").params(params).query(Long.class).single();
    params.put("limit", paging.limit());
    params.put("offset", paging.offset());
    List<SubmissionEntry> entries = jdbc.sql("SELECT * FROM (" + grouped + ") g ORDER BY " + column + " " + direction
            + " NULLS LAST, submission_id LIMIT :limit OFFSET :offset")
        .params(params)
        .query((rs, i) -> new SubmissionEntry(paging.offset() + i + 1, rs.getLong("submission_id"), rs.getLong("competition_id"),
            rs.getString("miner_hotkey"), rs.getString("version"), (Double) rs.getObject("avg_reward"), (Double) rs.getObject("success_rate"),
            (Double) rs.getObject("score"), rs.getLong("total_results"), rs.getLong("validators"),
            rs.getObject("total_episodes") == null ? null : rs.getLong("total_episodes"),
            rs.getTimestamp("last_result_time") == null ? null : rs.getTimestamp("last_result_time").toInstant()))
        .list();
    return Page.of(entries, total, paging);
  }
}
