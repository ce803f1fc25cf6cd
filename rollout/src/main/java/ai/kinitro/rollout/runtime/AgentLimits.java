package ai.kinitro.rollout.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits on one agent process: time to become ready (Ping answered), wall time from start to
 * forced stop, CPU seconds ({@code RLIMIT_CPU}), private writable memory in bytes ({@code
 * RLIMIT_DATA}: heap, anonymous mappings and thread stacks; reserved but untouched address space
 * does not count), open files ({@code RLIMIT_NOFILE}) and the largest file it may write ({@code
 * RLIMIT_FSIZE}, which also caps its log).
 */
public record AgentLimits(
    Duration startupTimeout, Duration wallTime, long cpuSeconds, long memoryBytes, int maxOpenFiles, long maxFileBytes) {
  public static final AgentLimits DEFAULT =
      new AgentLimits(Duration.ofSeconds(60), Duration.ofMinutes(30), 1800, 4L << 30, 1024, 64L << 20);

  public AgentLimits {
    Objects.requireNonNull(startupTimeout, "startupTimeout");
    Objects.requireNonNull(wallTime, "wallTime");
    if (startupTimeout.isNegative() || startupTimeout.isZero() || wallTime.isNegative() || wallTime.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (cpuSeconds <= 0 || memoryBytes <= 0 || maxOpenFiles <= 0 || maxFileBytes <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public AgentLimits withStartupTimeout(Duration d) {
    return new AgentLimits(d, wallTime, cpuSeconds, memoryBytes, maxOpenFiles, maxFileBytes);
  }

  public AgentLimits withWallTime(Duration d) {
    return new AgentLimits(startupTimeout, d, cpuSeconds, memoryBytes, maxOpenFiles, maxFileBytes);
  }

  public AgentLimits withCpuSeconds(long s) {
    return new AgentLimits(startupTimeout, wallTime, s, memoryBytes, maxOpenFiles, maxFileBytes);
  }

  public AgentLimits withMemoryBytes(long b) {
    return new AgentLimits(startupTimeout, wallTime, cpuSeconds, b, maxOpenFiles, maxFileBytes);
  }
}
