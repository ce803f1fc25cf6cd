package ai.kinitro.env;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Options for {@link Environment#reset}. {@code initialState} replaces the seeded initial state
 * (the vector {@link Environment#state()} returns), so anyone can replay an episode from a given
 * state; {@code maxEpisodeSteps} overrides the spec's step limit.
 */
public record ResetOptions(Optional<double[]> initialState, OptionalInt maxEpisodeSteps) {
  public static final ResetOptions DEFAULT = new ResetOptions(Optional.empty(), OptionalInt.empty());

  public ResetOptions {
    initialState = initialState.map(double[]::clone);
  }

  public static ResetOptions fromState(double[] state) {
    return new ResetOptions(Optional.of(state), OptionalInt.empty());
  }

  public ResetOptions withMaxEpisodeSteps(int steps) {
    return new ResetOptions(initialState, OptionalInt.of(steps));
  }
}
