package ai.kinitro.evaluator.runtime;

import ai.kinitro.rollout.runtime.AgentLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code kinitro.evaluator.runtime.*}: where agents run and the limits every agent gets.
 *
 * @param mode {@code local} (default: sandboxed child processes) or {@code kubernetes} (one pod per
 *     submission, see {@code kinitro.evaluator.kubernetes.*})
 * @param workDir where archives are downloaded and extracted, and local agents keep their sockets
 *     and logs
 * @param requireSandbox local mode only: refuse to run agents when bubblewrap or socat is missing
 *     instead of falling back to plain processes
 * @param extraReadOnlyPaths local mode only: host paths made visible read-only inside the sandbox
 *     (e.g. a JDK installed outside {@code /usr})
 * @param startupTimeout time for an agent to answer its first Ping once started
 * @param wallTime longest life of one agent
 * @param cpuTime CPU time one agent may use
 * @param memory private memory of one agent (local: RLIMIT_DATA; Kubernetes: the container limit)
 * @param maxOpenFiles open files of one local agent
 * @param maxFileSize largest file a local agent may write (also caps its log)
 */
@ConfigurationProperties("kinitro.evaluator.runtime")
public record RuntimeProperties(
    Mode mode,
    Path workDir,
    boolean requireSandbox,
    List<Path> extraReadOnlyPaths,
    Duration startupTimeout,
    Duration wallTime,
    Duration cpuTime,
    DataSize memory,
    Integer maxOpenFiles,
    DataSize maxFileSize) {
  public static final Mode DEFAULT_MODE = Mode.LOCAL;
  public static final Path DEFAULT_WORK_DIR = Path.of(System.getProperty("java.io.tmpdir"), "kinitro-evaluator");
  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_WALL_TIME = Duration.ofMinutes(30);
  public static final Duration DEFAULT_CPU_TIME = Duration.ofMinutes(30);
  public static final DataSize DEFAULT_MEMORY = DataSize.ofGigabytes(4);
  public static final int DEFAULT_MAX_OPEN_FILES = 1024;
  public static final DataSize DEFAULT_MAX_FILE_SIZE = DataSize.ofMegabytes(64);

  /** Where agents run. */
  public enum Mode {
    LOCAL,
    KUBERNETES
  }

  public RuntimeProperties {
    mode = Objects.requireNonNullElse(mode, DEFAULT_MODE);
    workDir = Objects.requireNonNullElse(workDir, DEFAULT_WORK_DIR);
    extraReadOnlyPaths = extraReadOnlyPaths == null ? List.of() : List.copyOf(extraReadOnlyPaths);
    startupTimeout = positive(startupTimeout, DEFAULT_STARTUP_TIMEOUT, "startup-timeout");
    wallTime = positive(wallTime, DEFAULT_WALL_TIME, "wall-time");
    cpuTime = positive(cpuTime, DEFAULT_CPU_TIME, "cpu-time");
    memory = Objects.requireNonNullElse(memory, DEFAULT_MEMORY);
    maxOpenFiles = Objects.requireNonNullElse(maxOpenFiles, DEFAULT_MAX_OPEN_FILES);
    maxFileSize = Objects.requireNonNullElse(maxFileSize, DEFAULT_MAX_FILE_SIZE);
    if (memory.toBytes() <= 0 || maxFileSize.toBytes() <= 0 || maxOpenFiles <= 0) {
      throw new IllegalArgumentException("kinitro.evaluator.runtime: memory, max-file-size and max-open-files must be positive");
    }
  }

  /** Every default. */
  public static RuntimeProperties defaults() {
    return new RuntimeProperties(null, null, false, null, null, null, null, null, null, null);
  }

  /** The limits handed to the runtime for every agent. */
  public AgentLimits limits() {
    return new AgentLimits(startupTimeout, wallTime, Math.max(1, cpuTime.toSeconds()), memory.toBytes(), maxOpenFiles,
        maxFileSize.toBytes());
  }

  static Duration positive(Duration value, Duration fallback, String key) {
    Duration d = Objects.requireNonNullElse(value, fallback);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("kinitro.evaluator.runtime." + key + " must be positive, was " + d);
    }
    return d;
  }
}
