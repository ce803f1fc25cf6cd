package ai.kinitro.backend.outbox;

import ai.kinitro.backend.persistence.InsertRepository;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The realtime outbox. */
public interface RealtimeEventRepository extends Repository<RealtimeEventRow, Long>, InsertRepository<RealtimeEventRow> {
  @Query("SELECT * FROM realtime_events WHERE id > :afterId ORDER BY id LIMIT :limit")
  List<RealtimeEventRow> findAfter(long afterId, int limit);

  @Modifying
  @Query("DELETE FROM realtime_events WHERE created_at < :before")
  int deleteOlderThan(Instant before);
}
