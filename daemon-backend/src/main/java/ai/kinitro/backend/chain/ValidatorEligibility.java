package ai.kinitro.backend.chain;

import java.util.Collection;
import java.util.List;

/** Which known validators get an assignment for a new job (implemented by the validator channel). */
@FunctionalInterface
public interface ValidatorEligibility {
  /** The hotkeys of {@code known} validators that may evaluate jobs now. */
  List<String> eligible(Collection<String> known);
}
