package ai.kinitro.rollout.runtime;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.rollout.AgentClient;
import ai.kinitro.rollout.GrpcAgentClient;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local agent process and its gRPC client. Stopping sends SIGTERM to the process and every
 * descendant, waits {@link #GRACE}, then SIGKILLs what is left; a watchdog does the same when the
 * wall time runs out. In the sandbox, killing bubblewrap also ends the sandbox's PID namespace, so
 * nothing inside survives even if it escaped the descendant walk.
 */
final class ProcessAgent implements RunningAgent {
  private static final Logger log = LoggerFactory.getLogger(ProcessAgent.class);
  static final Duration GRACE = Duration.ofSeconds(2);
  private static final int TAIL_LINES = 40;
  /** How much of the log's end {@link #logTail} reads: twice the largest tail anyone keeps (1 MiB log bundles). */
  private static final int TAIL_BYTES = 2 * 1024 * 1024;

  private final Process process;
  private final AgentEndpoint endpoint;
  private final Isolation isolation;
  private final GrpcAgentClient grpc;
  private final Path runDir;
  private final Path logFile;
  private final AtomicBoolean wallTimeExceeded = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread watchdog;
  private volatile String name = "";

  ProcessAgent(Process process, AgentEndpoint endpoint, Isolation isolation, GrpcAgentClient grpc, Path runDir,
      Path logFile, Duration wallTime) {
    this.process = process;
    this.endpoint = endpoint;
    this.isolation = isolation;
    this.grpc = grpc;
    this.runDir = runDir;
    this.logFile = logFile;
    this.watchdog = Thread.ofVirtual().name("agent-watchdog-" + process.pid()).start(() -> {
      try {
        if (!process.waitFor(wallTime.toMillis(), TimeUnit.MILLISECONDS)) {
          wallTimeExceeded.set(true);
          log.warn("Agent pid {} exceeded its wall time of {}; stopping it", process.pid(), wallTime);
          stopProcess();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  void ready(String agentName) {
    this.name = agentName;
  }

  @Override
  public AgentEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public Isolation isolation() {
    return isolation;
  }

  @Override
  public String agentName() {
    return name;
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
  public List<String> logTail(int lines) {
    return tail(logFile, lines, TAIL_BYTES);
  }

  /**
   * The last {@code lines} whole lines among the last {@code maxBytes} of {@code file} (a line
   * longer than that window is kept clipped); empty when the file cannot be read.
   */
  static List<String> tail(Path file, int lines, int maxBytes) {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long len = f.length();
      int n = (int) Math.min(len, maxBytes);
      byte[] buf = new byte[n];
      f.seek(len - n);
      f.readFully(buf);
      String text = new String(buf, StandardCharsets.UTF_8);
      if (n < len) {
        // The read began inside a line (maybe inside a character): keep only whole lines.
        int firstBreak = text.indexOf('\n');
        text = firstBreak < 0 ? text : text.substring(firstBreak + 1);
      }
      Deque<String> tail = new ArrayDeque<>();
      for (String line : text.split("\n")) {
        tail.addLast(line);
        if (tail.size() > lines) {
          tail.removeFirst();
        }
      }
      return new ArrayList<>(tail);
    } catch (IOException e) {
      return List.of();
    }
  }

  String tailForMessage() {
    List<String> tail = logTail(10);
    return tail.isEmpty() ? "" : "\nLast agent output:\n  " + String.join("\n  ", tail);
  }

  @Override
  public String ping(Duration timeout) {
    return client().ping(timeout);
  }

  @Override
  public KinitroException classify(KinitroException failure) {
    if (!failure.code().name().startsWith("AGENT_")) {
      return failure;
    }
    if (process.isAlive() && failure.code() == ErrorCode.AGENT_CRASHED) {
      // A broken connection often precedes the exit by a moment (longer on a loaded host); an
      // exited process returns at once, and only an agent that dropped its connection but lives on
      // costs the whole wait.
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    OptionalInt exit = exitCode();
    ErrorCode code = FailureClassifier.classify(failure.code(), wallTimeExceeded.get(), exit, logTail(TAIL_LINES));
    if (code == failure.code() && exit.isEmpty()) {
      return failure;
    }
    String detail = switch (code) {
      case AGENT_WALL_TIME_EXCEEDED -> "The agent ran past its wall-time limit and was stopped";
      case AGENT_NETWORK_ATTEMPT -> "The agent tried to reach the network, which the sandbox forbids";
      case AGENT_RESOURCE_LIMIT -> "The agent exceeded its CPU, memory or file-size limit (exit status " + exit.orElse(-1) + ")";
      case AGENT_CRASHED, AGENT_FAILED_TO_START -> "The agent process exited with status " + exit.orElse(-1);
      default -> failure.getMessage();
    };
    return new KinitroException(code, detail + " (" + failure.getMessage() + ")", failure);
  }

  @Override
  public AgentClient client() {
    return new ClassifyingAgentClient(grpc, this::classify);
  }

  /** SIGTERM to the tree, a grace period, then SIGKILL to whatever is left. */
  void stopProcess() {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(process.toHandle());
    process.descendants().forEach(tree::add);
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + GRACE.toNanos();
    for (ProcessHandle h : tree) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) {
          h.onExit().get(left, TimeUnit.NANOSECONDS);
        }
      } catch (Exception ignored) {
        // still running: killed below
      }
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    tree.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    grpc.close();
    stopProcess();
    watchdog.interrupt();
    LocalSandboxRuntime.SubmissionArchiveCleanup.delete(runDir);
    log.info("Agent pid {} stopped (exit status {})", process.pid(), exitCode().isPresent() ? exitCode().getAsInt() : "?");
  }
}
