package ai.kinitro.backend.ws.validator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /jobs/{id}/progress}: where a job stands on each validator it is assigned to —
 * {@code queued} with its position in that validator's queue, {@code running} with finished
 * episodes out of the total, or {@code finished} with its status, failure class and reason.
 */
@RestController
class JobProgressController {
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ValidatorProgress(
      @JsonProperty("validator_hotkey") String validatorHotkey,
      @JsonProperty("state") String state,
      @JsonProperty("status") String status,
      @JsonProperty("queue_position") Integer queuePosition,
      @JsonProperty("episodes_done") Integer episodesDone,
      @JsonProperty("episodes_total") Integer episodesTotal,
      @JsonProperty("attempts") int attempts,
      @JsonProperty("deadline") Instant deadline,
      @JsonProperty("failure_class") String failureClass,
      @JsonProperty("reason") String reason,
      @JsonProperty("finished_at") Instant finishedAt) {}

  record JobProgress(@JsonProperty("job_id") String jobId, @JsonProperty("validators") List<ValidatorProgress> validators) {}

  private final JdbcTemplate jdbc;

  JobProgressController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping(path = "/jobs/{id}/progress", produces = "application/json")
  JobProgress progress(@PathVariable("id") long jobId) {
    Integer exists = jdbc.queryForObject("SELECT count(*) FROM jobs WHERE id = ?", Integer.class, jobId);
    if (exists == null || exists == 0) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no job " + jobId);
    }
    List<ValidatorProgress> rows = jdbc.query("""
        SELECT a.validator_hotkey, a.status, a.progress_episodes, a.total_episodes, a.attempts, a.deadline, a.failure_class,
               a.status_detail, a.finished_at,
               CASE WHEN a.status IN ('QUEUED', 'DELIVERED') THEN 1 + (SELECT count(*) FROM job_assignments o
                    WHERE o.validator_hotkey = a.validator_hotkey AND o.status IN ('QUEUED', 'DELIVERED')
                      AND (o.created_at, o.id) < (a.created_at, a.id)) END
        FROM job_assignments a WHERE a.job_id = ? ORDER BY a.validator_hotkey""",
        (rs, i) -> {
          String status = rs.getString(2);
          String state = switch (status) {
            case "QUEUED", "DELIVERED" -> "queued";
            case "STARTING", "RUNNING" -> "running";
            default -> "finished";
          };
          return new ValidatorProgress(rs.getString(1), state, status,
              state.equals("queued") ? rs.getInt(10) : null,
              state.equals("queued") ? null : rs.getInt(3), (Integer) rs.getObject(4, Integer.class), rs.getInt(5),
              rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8),
              rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant());
        }, jobId);
    return new JobProgress(Long.toString(jobId), rows);
  }
}
