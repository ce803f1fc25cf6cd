package ai.kinitro.miner.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A job of the submission that waits: on one validator at {@code position} of its queue (1 = next),
 * or, with no validator, until one connects. Read from {@code GET /jobs} ({@code
 * validators[].queue_position}): the realtime channel has no queue-position event.
 */
public record QueuePosition(long jobId, String benchmarkName, Optional<String> validatorHotkey, Optional<Integer> position) {
  /** Assignment statuses in which the job waits in a validator's queue. */
  public static final Set<String> QUEUED_ASSIGNMENT_STATUSES = Set.of("QUEUED", "DELIVERED");

  public QueuePosition {
    Objects.requireNonNull(benchmarkName, "benchmarkName");
    Objects.requireNonNull(validatorHotkey, "validatorHotkey");
    Objects.requireNonNull(position, "position");
  }

  /**
   * The waiting jobs in a {@code GET /jobs} answer's items: one entry per validator queue the job is
   * in, or one without a validator for a job that no validator has yet.
   */
  public static List<QueuePosition> of(List<JsonNode> jobs) {
    List<QueuePosition> out = new ArrayList<>();
    for (JsonNode job : jobs) {
      long id = job.path("id").asLong();
      String benchmark = job.path("benchmark_name").asString("");
      JsonNode validators = job.path("validators");
      if (validators.isEmpty()) {
        if ("QUEUED".equals(job.path("status").asString(""))) {
          out.add(new QueuePosition(id, benchmark, Optional.empty(), Optional.empty()));
        }
        continue;
      }
      for (JsonNode a : validators) {
        if (QUEUED_ASSIGNMENT_STATUSES.contains(a.path("status").asString(""))) {
          out.add(new QueuePosition(id, benchmark, Optional.of(a.path("validator_hotkey").asString("")),
              a.hasNonNull("queue_position") ? Optional.of(a.path("queue_position").asInt()) : Optional.empty()));
        }
      }
    }
    return List.copyOf(out);
  }

  /** E.g. "job 123 (cartpole): queued, position 3 in the queue of validator 5FHneW…94ty". */
  public String describe() {
    String job = "job " + jobId + (benchmarkName.isEmpty() ? "" : " (" + benchmarkName + ")") + ": queued";
    if (validatorHotkey.isEmpty()) {
      return job + ", waiting for a validator to connect";
    }
    String validator = shortKey(validatorHotkey.get());
    return position.map(p -> job + ", position " + p + " in the queue of validator " + validator)
        .orElseGet(() -> job + " on validator " + validator);
  }

  static String shortKey(String ss58) {
    return ss58.length() > 10 ? ss58.substring(0, 6) + "…" + ss58.substring(ss58.length() - 4) : ss58;
  }
}
