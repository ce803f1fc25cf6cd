package ai.kinitro.validator;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts and stops one background duty with the application, in a stated order: Spring starts
 * lower phases first and stops higher phases first. Phases: {@link #WAKEUPS} (the LISTEN
 * connection, stopped last), {@link #QUEUE} (reaper, purge, stats), {@link #WEIGHTS}, {@link #LINK}
 * (stopped first: no new work is taken from the backend while the rest drains).
 */
public final class ManagedDuty implements SmartLifecycle {
  public static final int WAKEUPS = 50;
  public static final int QUEUE = 100;
  public static final int WEIGHTS = 200;
  public static final int LINK = 300;

  private static final Logger LOG = LoggerFactory.getLogger(ManagedDuty.class);

  private final String name;
  private final int phase;
  private final Runnable start;
  private final Runnable stop;
  private volatile boolean running;

  public ManagedDuty(String name, int phase, Runnable start, Runnable stop) {
    this.name = Objects.requireNonNull(name, "name");
    this.phase = phase;
    this.start = Objects.requireNonNull(start, "start");
    this.stop = Objects.requireNonNull(stop, "stop");
  }

  @Override
  public void start() {
    start.run();
    running = true;
    LOG.debug("Started {}", name);
  }

  @Override
  public void stop() {
    running = false;
    try {
      stop.run();
    } catch (RuntimeException e) {
      LOG.warn("Stopping {} failed: {}", name, e.toString());
    }
    LOG.debug("Stopped {}", name);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return phase;
  }
}
