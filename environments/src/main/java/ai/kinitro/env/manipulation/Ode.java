package ai.kinitro.env.manipulation;

import java.util.concurrent.locks.ReentrantLock;
import org.ode4j.ode.OdeHelper;

/**
 * The process-wide guard around ode4j: the library is initialised once, and its global random
 * generator and internal pools are only touched while holding {@link #LOCK}.
 */
final class Ode {
  static final ReentrantLock LOCK = new ReentrantLock();

  static {
    OdeHelper.initODE2(0);
  }

  private Ode() {}

  /** Forces the static initialiser (call before any ode4j use). */
  static void init() {
    // The static block does the work.
  }
}
