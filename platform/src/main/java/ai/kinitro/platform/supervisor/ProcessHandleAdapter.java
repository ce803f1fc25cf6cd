package ai.kinitro.platform.supervisor;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** A {@link ServiceHandle} over a {@link Process} started by this JVM. */
final class ProcessHandleAdapter implements ServiceHandle {
  private final Process process;
  private final Path log;
  private final Instant startedAt;

  ProcessHandleAdapter(Process process, Path log) {
    this.process = Objects.requireNonNull(process, "process");
    this.log = Objects.requireNonNull(log, "log");
    this.startedAt = process.info().startInstant().orElseGet(Instant::now);
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public Instant startedAt() {
    return startedAt;
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  @Override
  public void terminate() {
    process.destroy();
  }

  @Override
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  @Override
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public String logTail(int lines) {
    return LogTail.read(log, lines);
  }

  @Override
  public String logLocation() {
    return log.toString();
  }
}
