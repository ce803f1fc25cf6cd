package ai.kinitro.desktop.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A job ({@code GET /jobs}) with where it stands on each validator it was assigned to. */
public record JobInfo(
    String id,
    String submissionId,
    String competitionId,
    String minerHotkey,
    String benchmarkName,
    String status,
    Optional<Instant> createdAt,
    List<Assignment> validators) {
  /** Assignment statuses in which a validator is working on the job. */
  public static final Set<String> IN_FLIGHT = Set.of("DELIVERED", "STARTING", "RUNNING");

  public JobInfo {
    Objects.requireNonNull(id, "id");
    submissionId = Nulls.text(submissionId);
    competitionId = Nulls.text(competitionId);
    minerHotkey = Nulls.text(minerHotkey);
    benchmarkName = Nulls.text(benchmarkName);
    status = Nulls.text(status);
    createdAt = Nulls.opt(createdAt);
    validators = Nulls.list(validators);
  }

  /** The job on one validator: status, episodes done out of the total, and the last error. */
  public record Assignment(String validatorHotkey, String status, int progressEpisodes, Optional<Integer> totalEpisodes,
      Optional<Integer> queuePosition, Optional<String> errorMessage) {
    public Assignment {
      validatorHotkey = Nulls.text(validatorHotkey);
      status = Nulls.text(status);
      totalEpisodes = Nulls.opt(totalEpisodes);
      queuePosition = Nulls.opt(queuePosition);
      errorMessage = Nulls.opt(errorMessage);
    }

    public boolean inFlight() {
      return IN_FLIGHT.contains(status);
    }
  }
}
