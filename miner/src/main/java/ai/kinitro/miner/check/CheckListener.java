package ai.kinitro.miner.check;

/** Progress of a check or of starting an agent, one line per finished step (for a console or a wizard). */
@FunctionalInterface
public interface CheckListener {
  CheckListener NONE = step -> {};

  void passed(String step);
}
