package ai.kinitro.backend.submission;

import ai.kinitro.backend.job.AssignmentStatus;
import ai.kinitro.common.protocol.EvaluationStatus;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where a submission's evaluation stands, derived from the assignments of its current jobs (jobs
 * not superseded by a rerun): {@code status}, the number of current jobs, and assignments by
 * status. Rule: no assignment yet → QUEUED; any STARTING/RUNNING → RUNNING; else any
 * QUEUED/DELIVERED → QUEUED; all COMPLETED → COMPLETED; else the first of FAILED, TIMEOUT,
 * CANCELLED present.
 */
public record EvaluationSummary(EvaluationStatus status, long jobs, Map<AssignmentStatus, Long> assignments) {
  public EvaluationSummary {
    assignments = Map.copyOf(assignments);
  }

  public static EvaluationSummary derive(long jobs, Map<AssignmentStatus, Long> counts) {
    Map<AssignmentStatus, Long> c = new EnumMap<>(AssignmentStatus.class);
    counts.forEach((k, v) -> {
      if (v != null && v > 0) {
        c.put(k, v);
      }
    });
    return new EvaluationSummary(statusOf(c), jobs, c);
  }

  private static EvaluationStatus statusOf(Map<AssignmentStatus, Long> c) {
    if (c.isEmpty()) {
      return EvaluationStatus.QUEUED;
    }
    if (c.containsKey(AssignmentStatus.STARTING) || c.containsKey(AssignmentStatus.RUNNING)) {
      return EvaluationStatus.RUNNING;
    }
    if (c.containsKey(AssignmentStatus.QUEUED) || c.containsKey(AssignmentStatus.DELIVERED)) {
      return EvaluationStatus.QUEUED;
    }
    if (c.size() == 1 && c.containsKey(AssignmentStatus.COMPLETED)) {
      return EvaluationStatus.COMPLETED;
    }
    for (AssignmentStatus s : new AssignmentStatus[] {AssignmentStatus.FAILED, AssignmentStatus.TIMEOUT, AssignmentStatus.CANCELLED}) {
      if (c.containsKey(s)) {
        return s.toEvaluationStatus();
      }
    }
    return EvaluationStatus.COMPLETED;
  }
}
