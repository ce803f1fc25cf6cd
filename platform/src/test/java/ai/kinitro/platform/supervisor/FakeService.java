package ai.kinitro.platform.supervisor;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/** A service that lives in memory and writes what happens to it into a shared event list. */
final class FakeService implements ServiceHandle {
  private static final AtomicInteger PIDS = new AtomicInteger(1000);

  private final String name;
  private final List<String> events;
  private final int healthyAfterProbes;
  private volatile boolean alive;
  private volatile boolean ignoresTerminate;
  private volatile boolean launchFails;
  private volatile boolean exitsWhileStarting;
  private final AtomicInteger probes = new AtomicInteger();
  private final long pid = PIDS.incrementAndGet();

  /** {@code healthyAfterProbes} < 0: never healthy. */
  FakeService(String name, List<String> events, int healthyAfterProbes) {
    this.name = name;
    this.events = events;
    this.healthyAfterProbes = healthyAfterProbes;
  }

  FakeService ignoringTerminate() {
    ignoresTerminate = true;
    return this;
  }

  FakeService failingToLaunch() {
    launchFails = true;
    return this;
  }

  FakeService exitingWhileStarting() {
    exitsWhileStarting = true;
    return this;
  }

  ServiceSpec spec(Duration startTimeout, Duration stopTimeout) {
    return new ServiceSpec(name, 0, "fake://" + name, this::launch, this::probe, startTimeout, stopTimeout);
  }

  ServiceSpec spec() {
    return spec(Duration.ofSeconds(5), Duration.ofSeconds(1));
  }

  int probes() {
    return probes.get();
  }

  void crash() {
    alive = false;
  }

  private ServiceHandle launch() throws IOException {
    if (launchFails) {
      throw new IOException("no such program: " + name);
    }
    events.add("launch " + name);
    alive = true;
    return this;
  }

  private void probe() throws IOException {
    int n = probes.incrementAndGet();
    if (exitsWhileStarting) {
      alive = false;
    }
    if (!alive || healthyAfterProbes < 0 || n < healthyAfterProbes) {
      throw new IOException(name + " not ready (probe " + n + ")");
    }
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public Instant startedAt() {
    return Instant.EPOCH;
  }

  @Override
  public boolean isAlive() {
    return alive;
  }

  @Override
  public OptionalInt exitCode() {
    return alive ? OptionalInt.empty() : OptionalInt.of(1);
  }

  @Override
  public void terminate() {
    events.add("terminate " + name);
    if (!ignoresTerminate) {
      alive = false;
    }
  }

  @Override
  public void kill() {
    events.add("kill " + name);
    alive = false;
  }

  @Override
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (alive && Instant.now().isBefore(deadline)) {
      Thread.sleep(5);
    }
    return !alive;
  }

  @Override
  public String logTail(int lines) {
    return name + " log line 1\n" + name + " log line 2";
  }

  @Override
  public String logLocation() {
    return "/logs/" + name + ".log";
  }
}
