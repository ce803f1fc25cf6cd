package ai.kinitro.backend.submission;

import ai.kinitro.backend.job.AssignmentStatus;
import ai.kinitro.backend.web.Filters;
import ai.kinitro.backend.web.Page;
import ai.kinitro.backend.web.Paging;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read side of submissions: filtered, sorted pages with evaluation summaries. */
@Service
public class SubmissionQueries {
  private static final Map<String, String> SORTS = Map.of(
      "created_at", "createdAt", "commitment_block", "commitmentBlock", "version", "version",
      "released_at", "releasedAt", "holdout_release_at", "holdoutReleaseAt");

  private final JdbcAggregateOperations template;
  private final JdbcClient jdbc;
  private final SubmissionRepository submissions;
  private final Clock clock;

  public SubmissionQueries(JdbcAggregateOperations template, JdbcClient jdbc, SubmissionRepository submissions, Clock clock) {
    this.template = template;
    this.jdbc = jdbc;
    this.submissions = submissions;
    this.clock = clock;
  }

  public Page<SubmissionView> list(Long competitionId, String minerHotkey, boolean revealedOnly, boolean onlyActiveUrls, String sortBy,
      String direction, Paging paging) {
    Filters filters = Filters.where().eq("competitionId", competitionId).eq("minerHotkey", minerHotkey);
    Criteria criteria = filters.criteria();
    if (revealedOnly) {
      criteria = criteria.and(Criteria.where("releasedAt").isNotNull());
      if (onlyActiveUrls) {
        criteria = criteria.and(Criteria.where("releaseUrlExpiresAt").greaterThan(clock.instant()));
      }
    }
    Sort sort = sort(sortBy == null ? (revealedOnly ? "released_at" : "created_at") : sortBy, direction);
    var query = org.springframework.data.relational.core.query.Query.query(criteria).sort(sort).limit(paging.limit()).offset(paging.offset());
    List<Submission> rows = template.findAll(query, Submission.class);
    long total = template.count(org.springframework.data.relational.core.query.Query.query(criteria), Submission.class);
    Map<Long, EvaluationSummary> summaries = summaries(rows.stream().map(Submission::id).toList());
    return Page.of(rows, total, paging).map(s -> SubmissionView.of(s, summaries.get(s.id())));
  }

  public SubmissionView get(long id, boolean revealedOnly) {
    Submission submission = submissions.findById(id)
        .filter(s -> !revealedOnly || s.releasedAt() != null)
        .orElseThrow(() -> new KinitroException(ErrorCode.NOT_FOUND,
            revealedOnly ? "No released submission with id " + id : "No submission with id " + id));
    return SubmissionView.of(submission, summaries(List.of(id)).get(id));
  }

  /** Evaluation summaries of submissions, from the assignments of their current (not rerun) jobs. */
  public Map<Long, EvaluationSummary> summaries(Collection<Long> submissionIds) {
    Map<Long, EvaluationSummary> result = new HashMap<>();
    if (submissionIds.isEmpty()) {
      return result;
    }
    Map<Long, Long> jobCounts = new HashMap<>();
    jdbc.sql("""
            SELECT j.submission_id, count(*) AS n FROM jobs j
            WHERE j.submission_id IN (:ids) AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.rerun_of = j.id)
            GROUP BY j.submission_id""")
        .param("ids", Set.copyOf(submissionIds))
        .query((rs, i) -> jobCounts.put(rs.getLong(1), rs.getLong(2)))
        .list();
    Map<Long, Map<AssignmentStatus, Long>> counts = new HashMap<>();
    jdbc.sql("""
            SELECT j.submission_id, a.status, count(*) FROM job_assignments a JOIN jobs j ON j.id = a.job_id
            WHERE j.submission_id IN (:ids) AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.rerun_of = j.id)
            GROUP BY j.submission_id, a.status""")
        .param("ids", Set.copyOf(submissionIds))
        .query((rs, i) -> counts.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(AssignmentStatus.class))
            .put(AssignmentStatus.valueOf(rs.getString(2)), rs.getLong(3)))
        .list();
    for (Long id : submissionIds) {
      result.put(id, EvaluationSummary.derive(jobCounts.getOrDefault(id, 0L), counts.getOrDefault(id, Map.of())));
    }
    return result;
  }

  static Sort sort(String sortBy, String direction) {
    String property = SORTS.get(sortBy);
    if (property == null) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "sort_by must be one of " + SORTS.keySet().stream().sorted().toList());
    }
    Sort.Direction dir = parseDirection(direction);
    return Sort.by(dir, property).and(Sort.by(dir, "id"));
  }

  public static Sort.Direction parseDirection(String direction) {
    if (direction == null || direction.isBlank() || direction.equalsIgnoreCase("desc")) {
      return Sort.Direction.DESC;
    }
    if (direction.equalsIgnoreCase("asc")) {
      return Sort.Direction.ASC;
    }
    throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "sort_direction must be 'asc' or 'desc'");
  }
}
