package ai.kinitro.backend.realtime;

import ai.kinitro.backend.competition.CompetitionEvent;
import ai.kinitro.backend.leader.LeaderCandidateEvent;
import ai.kinitro.backend.weights.WeightsChanged;
import ai.kinitro.common.protocol.WeightEntry;
import ai.kinitro.common.protocol.realtime.CandidateStatus;
import ai.kinitro.common.protocol.realtime.EventPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the backend's domain events (competitions, leader candidates, weights) into realtime
 * events, after their transaction committed.
 */
public class DomainEventBridge {
  private static final Logger LOG = LoggerFactory.getLogger(DomainEventBridge.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RealtimePublisher publisher;
  private final JdbcTemplate jdbc;

  public DomainEventBridge(RealtimePublisher publisher, JdbcTemplate jdbc) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
  }

  @TransactionalEventListener(fallbackExecution = true)
  public void on(CompetitionEvent event) {
    safely(() -> jdbc.query("SELECT name, points, active, created_at, updated_at FROM competitions WHERE id = ?", rs -> {
      String id = Long.toString(event.competitionId());
      publisher.publish(switch (event.kind()) {
        case CREATED -> new EventPayload.CompetitionCreated(id, rs.getString(1), rs.getInt(2), rs.getBoolean(3),
            rs.getTimestamp(4).toInstant());
        case UPDATED -> new EventPayload.CompetitionUpdated(id, rs.getString(1), rs.getInt(2), rs.getBoolean(3),
            rs.getTimestamp(5).toInstant());
      });
    }, event.competitionId()));
  }

  @TransactionalEventListener(fallbackExecution = true)
  public void on(LeaderCandidateEvent event) {
    CandidateStatus status = CandidateStatus.valueOf(event.status().name());
    if (event.reviewed()) {
      safely(() -> publisher.publish(new EventPayload.LeaderCandidateReviewed(event.candidateId(),
          Long.toString(event.competitionId()), event.minerHotkey(), status, Optional.ofNullable(event.reason()), event.at())));
      return;
    }
    safely(() -> jdbc.query("""
        SELECT c.avg_reward, c.success_rate, (SELECT min(j.id) FROM jobs j WHERE j.submission_id = c.submission_id)
        FROM leader_candidates c WHERE c.id = ?""", rs -> {
      long jobId = rs.getLong(3);
      if (jobId > 0) {
        publisher.publish(new EventPayload.LeaderCandidateCreated(event.candidateId(), Long.toString(event.competitionId()),
            event.minerHotkey(), jobId, rs.getDouble(1), rs.getDouble(2), event.at()));
      }
    }, event.candidateId()));
  }

  @TransactionalEventListener(fallbackExecution = true)
  public void on(WeightsChanged event) {
    safely(() -> {
      List<WeightEntry> entries = new ArrayList<>();
      for (JsonNode e : JSON.readTree(event.snapshot().entries().json())) {
        entries.add(new WeightEntry(e.path("uid").asInt(), e.path("hotkey").asString(), e.path("weight").asDouble()));
      }
      publisher.publish(new EventPayload.WeightsUpdated("w-" + event.snapshot().id(), event.snapshot().netuid(),
          event.snapshot().computedAt(), entries));
    });
  }

  private static void safely(Runnable publish) {
    try {
      publish.run();
    } catch (RuntimeException e) {
      LOG.warn("Could not publish a realtime event", e);
    }
  }
}
