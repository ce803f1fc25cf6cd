package ai.kinitro.backend.job;

import ai.kinitro.backend.persistence.InsertRepository;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Append-only: insert and look up by message id; never update or delete. */
public interface JobStatusEventRepository extends Repository<JobStatusEvent, Long>, InsertRepository<JobStatusEvent> {
  boolean existsByMessageId(UUID messageId);
}
