package ai.kinitro.evaluator.logs;

import ai.kinitro.common.protocol.ErrorDetail;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.common.protocol.validator.TaskResult;
import ai.kinitro.common.protocol.validator.Timings;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is kept of one terminal outcome of a job (one attempt), written as snake_case JSON.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}; raised when a field changes meaning
 * @param generatedAt when the bundle was made
 * @param jobId the job
 * @param submissionId its submission
 * @param competitionId its competition
 * @param minerHotkey the miner whose agent ran
 * @param benchmark the benchmark's provider and name
 * @param attempt this attempt (1-based)
 * @param maxAttempts the job's attempts in all
 * @param status COMPLETED, FAILED or TIMEOUT, as in the {@code eval_result}
 * @param error the failure, as in the {@code eval_result}
 * @param metrics the aggregate metrics, when the rollout ran
 * @param tasks per-task results
 * @param timings received, started, finished
 * @param agent the agent, when it was started
 * @param agentOutput the newest lines of the agent's combined output, bounded
 */
public record LogBundle(
    int schemaVersion,
    Instant generatedAt,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long submissionId,
    String competitionId,
    String minerHotkey,
    Benchmark benchmark,
    int attempt,
    int maxAttempts,
    EvaluationStatus status,
    Optional<ErrorDetail> error,
    Optional<Metrics> metrics,
    List<TaskResult> tasks,
    Timings timings,
    Optional<Agent> agent,
    AgentOutput agentOutput) {
  public static final int SCHEMA_VERSION = 1;

  public LogBundle {
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(competitionId, "competitionId");
    Objects.requireNonNull(minerHotkey, "minerHotkey");
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(status, "status");
    error = Objects.requireNonNullElse(error, Optional.empty());
    metrics = Objects.requireNonNullElse(metrics, Optional.empty());
    tasks = List.copyOf(tasks);
    Objects.requireNonNull(timings, "timings");
    agent = Objects.requireNonNullElse(agent, Optional.empty());
    Objects.requireNonNull(agentOutput, "agentOutput");
  }

  /** The job's benchmark. */
  public record Benchmark(String provider, String benchmarkName) {
    public Benchmark {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(benchmarkName, "benchmarkName");
    }
  }

  /**
   * The agent that ran.
   *
   * @param name the name it gave in its first Ping answer (absent when it never answered)
   * @param isolation how it was isolated, as the lower-case name of the runtime's isolation ({@code sandbox}, {@code process})
   */
  public record Agent(Optional<String> name, String isolation) {
    public Agent {
      name = Objects.requireNonNullElse(name, Optional.<String>empty()).filter(n -> !n.isBlank());
      Objects.requireNonNull(isolation, "isolation");
    }
  }

  /**
   * The newest lines of the agent's combined stdout/stderr, oldest first.
   *
   * @param lines the lines kept, without line ends
   * @param truncated true when older output was left out (or the oldest kept line was cut at its start)
   */
  public record AgentOutput(List<String> lines, boolean truncated) {
    /** Lines kept at most. */
    public static final int MAX_LINES = 5_000;
    /** Bound of the kept lines in UTF-8 bytes, counting one line end per line. */
    public static final int MAX_BYTES = 1024 * 1024;
    public static final AgentOutput NONE = new AgentOutput(List.of(), false);

    public AgentOutput {
      lines = List.copyOf(lines);
    }

    /** With the default bounds. */
    public static AgentOutput of(List<String> output) {
      return of(output, MAX_LINES, MAX_BYTES);
    }

    /**
     * The newest lines of {@code output} within the bounds. More than {@code maxLines} lines means
     * older output exists; a newest line alone longer than {@code maxBytes} keeps its end.
     */
    public static AgentOutput of(List<String> output, int maxLines, int maxBytes) {
      if (maxLines < 1 || maxBytes < 16) {
        throw new IllegalArgumentException("bounds out of range: " + maxLines + " lines, " + maxBytes + " bytes");
      }
      boolean truncated = output.size() > maxLines;
      List<String> wanted = output.subList(Math.max(0, output.size() - maxLines), output.size());
      Deque<String> kept = new ArrayDeque<>();
      int budget = maxBytes;
      for (int i = wanted.size() - 1; i >= 0; i--) {
        String line = wanted.get(i);
        int size = line.getBytes(StandardCharsets.UTF_8).length + 1;
        if (size <= budget) {
          kept.addFirst(line);
          budget -= size;
          continue;
        }
        if (kept.isEmpty()) {
          kept.addFirst(clipFront(line, budget - 1));
        }
        truncated = true;
        break;
      }
      return new AgentOutput(List.copyOf(kept), truncated);
    }

    /** The end of {@code s} within {@code maxBytes} UTF-8 bytes (never splitting a character), marked as cut. */
    private static String clipFront(String s, int maxBytes) {
      int used = 3;
      int start = s.length();
      while (start > 0) {
        int cp = s.codePointBefore(start);
        int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (used + size > maxBytes) {
          break;
        }
        used += size;
        start -= Character.charCount(cp);
      }
      return "..." + s.substring(start);
    }
  }
}
