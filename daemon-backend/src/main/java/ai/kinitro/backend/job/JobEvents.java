package ai.kinitro.backend.job;

import java.util.List;

/** Application events of the job feature (published inside the creating transaction; listen with {@code @TransactionalEventListener}). */
public final class JobEvents {
  private JobEvents() {}

  /** Jobs were created (new submission or rerun) with assignments for {@code validators}; the delivery side sends them. */
  public record JobsCreated(List<Long> jobIds, List<String> validators) {
    public JobsCreated {
      jobIds = List.copyOf(jobIds);
      validators = List.copyOf(validators);
    }
  }
}
