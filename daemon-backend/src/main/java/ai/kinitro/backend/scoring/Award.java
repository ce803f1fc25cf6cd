package ai.kinitro.backend.scoring;

import java.util.Objects;

/**
 * One competition's share in a weights computation: {@code share} = points / Σ points of active
 * competitions × (1 − burn); {@code outcome} says whether the leader got it or why it went to the
 * owner uid instead.
 */
public record Award(long competitionId, String leaderHotkey, Integer uid, double share, Outcome outcome) {
  public enum Outcome {
    /** The leader's uid received the share. */
    AWARDED,
    /** The competition has no approved leader. */
    NO_LEADER,
    /** The leader already won an earlier competition in award order (one win per miner). */
    ALREADY_AWARDED,
    /** The leader's hotkey is not registered on the subnet. */
    NOT_REGISTERED
  }

  public Award {
    Objects.requireNonNull(outcome, "outcome");
  }
}
