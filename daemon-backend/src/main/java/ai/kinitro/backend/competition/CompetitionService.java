package ai.kinitro.backend.competition;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.persistence.Jsonb;
import ai.kinitro.backend.web.Page;
import ai.kinitro.backend.web.Paging;
import ai.kinitro.backend.web.TextLimits;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/** Creates, updates, (de)activates and reads competitions; every write is validated the same way (REST and CLI). */
@Service
public class CompetitionService {
  private static final TypeReference<List<BenchmarkDefinition>> BENCHMARKS = new TypeReference<>() {};
  public static final double MAX_WIN_MARGIN_PCT = 100.0;

  private final CompetitionRepository competitions;
  private final JdbcAggregateOperations template;
  private final BenchmarkValidator validator;
  private final IdGenerator ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public CompetitionService(CompetitionRepository competitions, JdbcAggregateOperations template, BenchmarkValidator validator,
      IdGenerator ids, Clock clock, ApplicationEventPublisher events) {
    this.competitions = competitions;
    this.template = template;
    this.validator = validator;
    this.ids = ids;
    this.clock = clock;
    this.events = events;
  }

  @Transactional
  public Competition create(CompetitionRequest request) {
    Instant now = clock.instant();
    Competition competition = build(ids.next(), request, null, now);
    requireUniqueName(competition.name(), null);
    try {
      Competition stored = competitions.insert(competition);
      events.publishEvent(new CompetitionEvent(stored.id(), CompetitionEvent.Kind.CREATED));
      return stored;
    } catch (DuplicateKeyException e) {
      throw duplicateName(competition.name());
    }
  }

  /** Replaces every editable field; the leader and the active flag are kept. */
  @Transactional
  public Competition update(long id, CompetitionRequest request) {
    Competition existing = get(id);
    Competition updated = build(id, request, existing, clock.instant());
    requireUniqueName(updated.name(), id);
    try {
      Competition stored = competitions.save(updated);
      events.publishEvent(new CompetitionEvent(id, CompetitionEvent.Kind.UPDATED));
      return stored;
    } catch (DuplicateKeyException e) {
      throw duplicateName(updated.name());
    }
  }

  @Transactional
  public Competition setActive(long id, boolean active) {
    Competition stored = competitions.save(get(id).withActive(active, clock.instant()));
    events.publishEvent(new CompetitionEvent(id, CompetitionEvent.Kind.UPDATED));
    return stored;
  }

  public Competition get(long id) {
    return competitions.findById(id).orElseThrow(() -> new KinitroException(ErrorCode.NOT_FOUND, "No competition with id " + id));
  }

  public Page<Competition> list(boolean activeOnly, Paging paging) {
    Criteria criteria = activeOnly ? Criteria.where("active").isTrue() : Criteria.empty();
    Query query = Query.query(criteria).sort(Sort.by("createdAt", "id")).limit(paging.limit()).offset(paging.offset());
    return Page.of(template.findAll(query, Competition.class), template.count(Query.query(criteria), Competition.class), paging);
  }

  /** The typed benchmark definitions of a stored competition. */
  public static List<BenchmarkDefinition> benchmarksOf(Competition competition) {
    return competition.benchmarks().read(BENCHMARKS);
  }

  /** Validates a request without storing anything (used by the CLI's dry run and by create/update). */
  public CompetitionRequest validate(CompetitionRequest request) {
    build(0, request, null, clock.instant());
    return request;
  }

  private Competition build(long id, CompetitionRequest r, Competition existing, Instant now) {
    if (r == null) {
      throw new KinitroException(ErrorCode.INVALID_REQUEST_BODY, "The request body is missing");
    }
    String name = TextLimits.requireText(r.name(), "name", TextLimits.COMPETITION_NAME);
    String description = r.description() == null ? "" : r.description().trim();
    if (description.length() > TextLimits.DESCRIPTION) {
      throw new KinitroException(ErrorCode.VALUE_TOO_LONG, "'description' is longer than " + TextLimits.DESCRIPTION + " characters");
    }
    List<BenchmarkDefinition> benchmarks = validator.validate(r.benchmarks());
    if (r.points() == null || r.points() <= 0) {
      throw invalid("'points' must be a positive integer");
    }
    double minAvgReward = finite(r.minAvgReward(), CompetitionRequest.DEFAULT_MIN_AVG_REWARD, "min_avg_reward");
    double margin = finite(r.winMarginPct(), CompetitionRequest.DEFAULT_WIN_MARGIN_PCT, "win_margin_pct");
    if (margin < 0 || margin > MAX_WIN_MARGIN_PCT) {
      throw invalid("'win_margin_pct' is a fraction (0.05 = 5 %) between 0 and " + MAX_WIN_MARGIN_PCT);
    }
    double minSuccess = finite(r.minSuccessRate(), CompetitionRequest.DEFAULT_MIN_SUCCESS_RATE, "min_success_rate");
    if (minSuccess < 0 || minSuccess > 1) {
      throw invalid("'min_success_rate' must be between 0 and 1");
    }
    long holdout = r.submissionHoldoutSeconds() == null ? CompetitionRequest.DEFAULT_HOLDOUT_SECONDS : r.submissionHoldoutSeconds();
    if (holdout < 0) {
      throw invalid("'submission_holdout_seconds' must not be negative");
    }
    positiveOrNull(r.submissionMaxSizeBytes(), "submission_max_size_bytes");
    positiveOrNull(r.submissionUploadWindowSeconds(), "submission_upload_window_seconds");
    positiveOrNull(r.submissionUploadsPerWindow() == null ? null : r.submissionUploadsPerWindow().longValue(), "submission_uploads_per_window");
    if ((r.submissionUploadWindowSeconds() == null) != (r.submissionUploadsPerWindow() == null)) {
      throw invalid("'submission_upload_window_seconds' and 'submission_uploads_per_window' must be set together");
    }
    if (r.startTime() != null && r.endTime() != null && !r.endTime().isAfter(r.startTime())) {
      throw invalid("'end_time' must be after 'start_time'");
    }
    return new Competition(id, name, description, Jsonb.of(benchmarks), r.points(), minAvgReward, margin, minSuccess, holdout,
        r.submissionMaxSizeBytes(), r.submissionUploadWindowSeconds(), r.submissionUploadsPerWindow(),
        existing == null ? null : existing.currentLeaderHotkey(),
        existing == null ? null : existing.currentLeaderReward(),
        existing == null ? null : existing.currentLeaderCandidateId(),
        existing == null ? null : existing.leaderUpdatedAt(),
        existing == null || existing.active(),
        r.startTime(), r.endTime(),
        existing == null ? now : existing.createdAt(), now);
  }

  private void requireUniqueName(String name, Long self) {
    competitions.findByName(name).filter(c -> self == null || c.id() != self).ifPresent(c -> {
      throw duplicateName(name);
    });
  }

  private static KinitroException duplicateName(String name) {
    return new KinitroException(ErrorCode.DUPLICATE_COMPETITION_NAME, "A competition named '" + name + "' already exists; choose another name");
  }

  private static double finite(Double value, double fallback, String field) {
    if (value == null) {
      return fallback;
    }
    if (!Double.isFinite(value)) {
      throw invalid("'" + field + "' must be a finite number");
    }
    return value;
  }

  private static void positiveOrNull(Long value, String field) {
    if (value != null && value <= 0) {
      throw invalid("'" + field + "' must be positive when set");
    }
  }

  private static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
