package ai.kinitro.evaluator.runtime.kubernetes.cli;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.evaluator.artifact.ArtifactFetcher;
import ai.kinitro.rollout.submission.ArchiveLimits;
import ai.kinitro.rollout.submission.Submission;
import ai.kinitro.rollout.submission.SubmissionArchive;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The init containers of an agent pod (a plain {@code main}, no Spring), run from the evaluator's
 * image. Both write one line to {@value #TERMINATION_LOG}, which the evaluator reads from the pod
 * status: {@code OK}, or {@code <ERROR_CODE_NAME>: <message>}.
 *
 * <ul>
 *   <li>{@value #FETCH}: downloads the archive named by {@value #ENV_URL} (size {@value #ENV_SIZE},
 *       SHA-256 {@value #ENV_SHA256}) with {@link ArtifactFetcher}, then extracts it with {@link
 *       SubmissionArchive#extract}, the same code and checks the evaluator ran before creating the
 *       pod (size, file count, no absolute paths, no {@code ..}, no links escaping the root, no
 *       special files), and moves it to {@code <workspace>/submission}. A failed check ends the
 *       container with that check's error code, so the evaluator reports the same failure it
 *       would have found itself.
 *   <li>{@value #AWAIT_EGRESS_CLOSED}: connects to {@value #ENV_PROBE} ({@code host:port} of the
 *       artifact store) once a second until the connection fails, i.e. until the evaluator has
 *       replaced the pod's NetworkPolicy by the one without egress; exits non-zero if that does
 *       not happen within {@value #ENV_LOCK_TIMEOUT_SECONDS}. The agent container starts only
 *       after this one succeeded.
 * </ul>
 */
public final class PodInit {
  public static final String FETCH = "fetch";
  public static final String AWAIT_EGRESS_CLOSED = "await-egress-closed";
  public static final String ENV_URL = "KINITRO_ARTIFACT_URL";
  public static final String ENV_SHA256 = "KINITRO_ARTIFACT_SHA256";
  public static final String ENV_SIZE = "KINITRO_ARTIFACT_SIZE";
  public static final String ENV_WORKSPACE = "KINITRO_WORKSPACE";
  public static final String ENV_PROBE = "KINITRO_EGRESS_PROBE";
  public static final String ENV_LOCK_TIMEOUT_SECONDS = "KINITRO_EGRESS_LOCK_TIMEOUT_SECONDS";
  public static final String TERMINATION_LOG = "/dev/termination-log";
  public static final String OK = "OK";

  private PodInit() {}

  public static void main(String[] args) {
    String mode = args.length == 0 ? "" : args[0];
    String outcome;
    int exit;
    try {
      switch (mode) {
        case FETCH -> fetch(System.getenv());
        case AWAIT_EGRESS_CLOSED -> awaitEgressClosed(System.getenv(), Duration.ofSeconds(1));
        default -> throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
            "Unknown mode '" + mode + "'; use " + FETCH + " or " + AWAIT_EGRESS_CLOSED);
      }
      outcome = OK;
      exit = 0;
    } catch (KinitroException e) {
      outcome = e.code().name() + ": " + e.getMessage();
      exit = 1;
    } catch (RuntimeException e) {
      outcome = ErrorCode.AGENT_POD_SETUP_FAILED.name() + ": " + e;
      exit = 1;
    }
    System.err.println(outcome);
    try {
      Files.writeString(Path.of(TERMINATION_LOG), outcome, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      System.err.println("could not write " + TERMINATION_LOG + ": " + e);
    }
    System.exit(exit);
  }

  /** Fetches, checks and extracts; returns the submission directory. */
  public static Path fetch(Map<String, String> env) {
    URI url = URI.create(required(env, ENV_URL));
    String sha256 = required(env, ENV_SHA256);
    long size = Long.parseLong(required(env, ENV_SIZE));
    Path workspace = Path.of(required(env, ENV_WORKSPACE));
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("artifact-watchdog").factory());
    try {
      Path downloads = Files.createDirectories(workspace.resolve("download"));
      Path archive = new ArtifactFetcher(ArtifactFetcher.Settings.DEFAULT, watchdog)
          .fetch(url, sha256, size, downloads.resolve("submission.tar.gz"));
      Submission submission = SubmissionArchive.extract(archive, sha256, workspace.resolve("unpack"), ArchiveLimits.DEFAULT);
      Path target = workspace.resolve("submission");
      Files.move(submission.root(), target);
      Files.delete(archive);
      return target;
    } catch (IOException e) {
      throw ArtifactFetcher.localFailure(e, workspace);
    } finally {
      watchdog.shutdownNow();
    }
  }

  /** Returns once {@code host:port} refuses or drops connections; throws on timeout. */
  public static void awaitEgressClosed(Map<String, String> env, Duration interval) {
    String probe = required(env, ENV_PROBE);
    int colon = probe.lastIndexOf(':');
    InetSocketAddress target = InetSocketAddress.createUnresolved(probe.substring(0, colon),
        Integer.parseInt(probe.substring(colon + 1)));
    Duration timeout = Duration.ofSeconds(Long.parseLong(env.getOrDefault(ENV_LOCK_TIMEOUT_SECONDS, "120")));
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!reachable(target.getHostString(), target.getPort(), interval)) {
        return;
      }
      try {
        Thread.sleep(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new KinitroException(ErrorCode.AGENT_POD_SETUP_FAILED,
        probe + " was still reachable after " + timeout + ": the pod's egress was not locked");
  }

  static boolean reachable(String host, int port, Duration timeout) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "The environment variable " + name + " is not set");
    }
    return value;
  }
}
