package ai.kinitro.platform.supervisor;

/**
 * One probe of a service's health. Returns normally when healthy; throws (any exception, its
 * message is kept for the error report) when not healthy yet.
 */
@FunctionalInterface
public interface HealthCheck {
  void probe() throws Exception;

  /** Runs the probe and says whether it passed. */
  default boolean passes() {
    try {
      probe();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }
}
