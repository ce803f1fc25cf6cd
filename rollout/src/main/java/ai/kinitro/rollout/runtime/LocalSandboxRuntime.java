package ai.kinitro.rollout.runtime;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.rollout.GrpcAgentClient;
import ai.kinitro.rollout.onnx.OnnxRunner;
import ai.kinitro.rollout.submission.Submission;
import ai.kinitro.rollout.submission.SubmissionManifest;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each agent as a local process. With bubblewrap and socat installed the process runs in a
 * sandbox ({@link Isolation#SANDBOX}):
 *
 * <ul>
 *   <li>{@code --unshare-all}: its own network namespace holding only a loopback interface (no
 *       route anywhere, including the host's loopback), and its own PID, IPC, UTS and cgroup
 *       namespaces; {@code --cap-drop ALL}; {@code --new-session}; {@code --die-with-parent};
 *   <li>read-only binds of {@code /usr} (plus the usual {@code /bin}, {@code /lib} links and a
 *       few {@code /etc} files), the submission at {@code /submission} and any configured extra
 *       paths; a private tmpfs {@code /tmp}; nothing else of the host;
 *   <li>the agent listens on {@code 127.0.0.1:8000} inside; socat, inside the sandbox too, relays
 *       a Unix socket in a bind-mounted directory to that port, and the evaluator speaks gRPC
 *       over the Unix socket. So "no network except loopback" holds with nothing opened on the
 *       host's network.
 * </ul>
 *
 * Without bubblewrap or socat it falls back to a plain child process on a free host loopback port
 * ({@link Isolation#PROCESS}), logs a WARN and reports it on {@link RunningAgent#isolation()};
 * {@link Config#requireSandbox} turns the fallback into an error. Both modes apply the {@link
 * AgentLimits} with {@code prlimit} (when present) and enforce the wall time themselves.
 *
 * <p>An {@code onnx} submission runs Kinitro's ONNX runner ({@link OnnxRunner}, by default the JVM
 * and class path of this process) in exactly the same way: same sandbox, same limits, the model
 * read-only under {@code /submission}; the runner's JDK and jars are shown read-only too, and its
 * {@code java.io.tmpdir}, where onnxruntime extracts its native libraries, is the private {@code
 * /tmp} (a private folder of the run directory without the sandbox).
 */
public final class LocalSandboxRuntime implements AgentRuntime {
  private static final Logger log = LoggerFactory.getLogger(LocalSandboxRuntime.class);

  /** The port the agent listens on inside the sandbox (its own network namespace). */
  public static final int SANDBOX_PORT = 8000;
  /** Where the submission appears inside the sandbox. */
  public static final String SANDBOX_ROOT = "/submission";
  private static final String SOCKET_DIR = "/run/kinitro";
  private static final String SOCKET_NAME = "agent.sock";
  private static final List<String> ETC_FILES = List.of("/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf",
      "/etc/ld.so.conf.d", "/etc/localtime", "/etc/passwd", "/etc/group", "/etc/nsswitch.conf", "/etc/java-25-openjdk",
      "/etc/ssl/certs", "/etc/python3", "/etc/mime.types");

  /**
   * Tools and paths: {@code bwrap}/{@code socat}/{@code prlimit} when found; extra read-only paths
   * visible inside the sandbox at the same place (e.g. a JDK outside /usr); the working directory
   * for sockets and logs; extra environment variables; whether a missing sandbox is an error.
   */
  public record Config(
      Optional<Path> bwrap,
      Optional<Path> socat,
      Optional<Path> prlimit,
      List<Path> extraReadOnlyPaths,
      Path workDir,
      Map<String, String> environment,
      boolean requireSandbox,
      OnnxRunner onnxRunner) {
    public Config {
      Objects.requireNonNull(bwrap, "bwrap");
      Objects.requireNonNull(socat, "socat");
      Objects.requireNonNull(prlimit, "prlimit");
      extraReadOnlyPaths = List.copyOf(extraReadOnlyPaths);
      Objects.requireNonNull(workDir, "workDir");
      environment = Map.copyOf(environment);
      Objects.requireNonNull(onnxRunner, "onnxRunner");
    }

    /** Finds bwrap, socat and prlimit on PATH (and in /usr/bin). */
    public static Config detect(Path workDir) {
      return new Config(which("bwrap"), which("socat"), which("prlimit"), List.of(), workDir, Map.of(), false,
          OnnxRunner.current());
    }

    public Config withExtraReadOnlyPaths(List<Path> paths) {
      return new Config(bwrap, socat, prlimit, paths, workDir, environment, requireSandbox, onnxRunner);
    }

    public Config withoutSandbox() {
      return new Config(Optional.empty(), Optional.empty(), prlimit, extraReadOnlyPaths, workDir, environment, false,
          onnxRunner);
    }

    public Config requiringSandbox() {
      return new Config(bwrap, socat, prlimit, extraReadOnlyPaths, workDir, environment, true, onnxRunner);
    }

    /** Starts {@code onnx} submissions with this runner instead of the one of this process. */
    public Config withOnnxRunner(OnnxRunner runner) {
      return new Config(bwrap, socat, prlimit, extraReadOnlyPaths, workDir, environment, requireSandbox, runner);
    }

    public boolean sandboxAvailable() {
      return bwrap.isPresent() && socat.isPresent();
    }
  }

  private final Config config;

  public LocalSandboxRuntime(Config config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  static Optional<Path> which(String program) {
    String path = Objects.requireNonNullElse(System.getenv("PATH"), "") + File.pathSeparator + "/usr/bin";
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path p = Path.of(dir, program);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public RunningAgent start(Submission submission, AgentLimits limits) {
    OnnxRunner runner = submission.manifest() instanceof SubmissionManifest.Onnx ? config.onnxRunner().checked() : null;
    boolean sandbox = config.sandboxAvailable();
    if (!sandbox) {
      if (config.requireSandbox()) {
        throw new KinitroException(ErrorCode.SANDBOX_FAILED,
            "The sandbox needs bubblewrap and socat (Debian packages 'bubblewrap' and 'socat'); install them");
      }
      log.warn("bubblewrap or socat not found: the agent runs as a {}", Isolation.PROCESS.description());
    }
    Path runDir;
    try {
      Files.createDirectories(config.workDir());
      runDir = Files.createTempDirectory(config.workDir(), "agent-");
      Files.createDirectory(runDir.resolve("sock"));
      if (runner != null && !sandbox) {
        Files.createDirectory(runDir.resolve("tmp"));
      }
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.AGENT_RUNTIME_FAILED, "Could not create the agent's working directory: " + e, e);
    }
    Path logFile = runDir.resolve("agent.log");
    List<String> command = switch (submission.manifest()) {
      case SubmissionManifest.Command c -> c.command();
      case SubmissionManifest.Onnx o -> sandbox
          ? runner.command("/tmp", SANDBOX_ROOT + "/" + o.model(), o.input(), o.output())
          : runner.command(runDir.resolve("tmp").toString(), submission.root().resolve(o.model()).toString(), o.input(),
              o.output());
    };
    List<Path> readOnly = new ArrayList<>(config.extraReadOnlyPaths());
    if (runner != null) {
      readOnly.addAll(runner.readOnlyPaths());
    }
    List<String> argv = new ArrayList<>();
    argv.addAll(limitsPrefix(limits));
    AgentEndpoint endpoint;
    if (sandbox) {
      Path socket = runDir.resolve("sock").resolve(SOCKET_NAME);
      endpoint = new AgentEndpoint.UnixSocket(socket);
      argv.addAll(bwrapArgs(submission.root(), runDir.resolve("sock"), readOnly));
      argv.addAll(List.of("/bin/sh", "-c",
          config.socat().orElseThrow() + " UNIX-LISTEN:" + SOCKET_DIR + "/" + SOCKET_NAME
              + ",fork,unlink-early TCP:127.0.0.1:" + SANDBOX_PORT + " & exec \"$@\"",
          "kinitro-agent"));
      argv.addAll(command);
      argv.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(SANDBOX_PORT)));
    } else {
      int port = freePort();
      endpoint = new AgentEndpoint.Tcp("127.0.0.1", port);
      argv.addAll(command);
      argv.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port)));
    }
    ProcessBuilder pb = new ProcessBuilder(argv)
        .directory(submission.root().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("HOME", "/tmp");
    env.put("LANG", "C.UTF-8");
    env.put("PYTHONUNBUFFERED", "1");
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    env.putAll(config.environment());
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      SubmissionArchiveCleanup.delete(runDir);
      throw new KinitroException(sandbox ? ErrorCode.SANDBOX_FAILED : ErrorCode.AGENT_FAILED_TO_START,
          "Could not start the agent process '" + argv.getFirst() + "': " + e.getMessage(), e);
    }
    Isolation isolation = sandbox ? Isolation.SANDBOX : Isolation.PROCESS;
    log.info("Started agent pid {} ({}) at {}", process.pid(), isolation, endpoint);
    GrpcAgentClient client = switch (endpoint) {
      case AgentEndpoint.UnixSocket u -> GrpcAgentClient.unixSocket(u.path());
      case AgentEndpoint.Tcp t -> GrpcAgentClient.tcp(t.host(), t.port());
    };
    ProcessAgent agent = new ProcessAgent(process, endpoint, isolation, client, runDir, logFile, limits.wallTime());
    try {
      String name = client.awaitReady(limits.startupTimeout(), Duration.ofMillis(100), Duration.ofSeconds(2),
          process::isAlive);
      agent.ready(name);
      return agent;
    } catch (KinitroException e) {
      agent.stopProcess();
      KinitroException classified = agent.classify(e);
      String tail = agent.tailForMessage();
      agent.close();
      throw new KinitroException(classified.code(), classified.getMessage() + tail, e);
    }
  }

  private List<String> limitsPrefix(AgentLimits limits) {
    if (config.prlimit().isEmpty()) {
      log.warn("prlimit not found: CPU, memory, file and open-file limits are not enforced (wall time still is)");
      return List.of();
    }
    return List.of(config.prlimit().get().toString(),
        "--cpu=" + limits.cpuSeconds() + ":" + (limits.cpuSeconds() + 5),
        "--data=" + limits.memoryBytes(),
        "--nofile=" + limits.maxOpenFiles(),
        "--fsize=" + limits.maxFileBytes(),
        "--core=0",
        "--");
  }

  private List<String> bwrapArgs(Path submissionRoot, Path socketDir, List<Path> readOnly) {
    List<String> a = new ArrayList<>(List.of(config.bwrap().orElseThrow().toString(),
        "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
        "--ro-bind", "/usr", "/usr"));
    for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
      Path p = Path.of(top);
      if (Files.isSymbolicLink(p)) {
        try {
          a.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
        } catch (IOException e) {
          log.debug("Cannot read link {}: {}", p, e.toString());
        }
      } else if (Files.isDirectory(p)) {
        a.addAll(List.of("--ro-bind", top, top));
      }
    }
    for (String etc : ETC_FILES) {
      a.addAll(List.of("--ro-bind-try", etc, etc));
    }
    a.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
        "--ro-bind", submissionRoot.toString(), SANDBOX_ROOT,
        "--bind", socketDir.toString(), SOCKET_DIR));
    for (Path extra : readOnly) {
      a.addAll(List.of("--ro-bind-try", extra.toString(), extra.toString()));
    }
    a.addAll(List.of("--chdir", SANDBOX_ROOT, "--"));
    return a;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.AGENT_RUNTIME_FAILED, "No free loopback port: " + e, e);
    }
  }

  /** Deletes a run directory; used before a ProcessAgent owns it. */
  static final class SubmissionArchiveCleanup {
    private SubmissionArchiveCleanup() {}

    static void delete(Path dir) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        log.warn("Could not delete {}: {}", dir, e.toString());
      }
    }
  }
}
