package ai.kinitro.evaluator.artifact;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Streams an archive from a presigned URL to a file, hashing as it goes. The file is kept only if
 * its size and SHA-256 match the job; otherwise it is deleted and the failure says why, with the
 * URL shown without its query (the signature is a credential).
 *
 * <ul>
 *   <li>connection errors, timeouts, 5xx and 429 answers: {@code ARTIFACT_UNAVAILABLE};
 *   <li>other non-200 answers (403 for an expired or forged URL, 404): {@code ARTIFACT_URL_REJECTED};
 *   <li>more or fewer bytes than the job says, or another digest: {@code ARTIFACT_DIGEST_MISMATCH};
 *   <li>no space left on the device: {@code EVALUATOR_DISK_FULL}.
 * </ul>
 *
 * All of them are platform faults: the backend checked the archive's digest when it was uploaded.
 */
public final class ArtifactFetcher {
  /**
   * @param connectTimeout TCP/TLS connect timeout
   * @param downloadTimeout the whole download, headers and body
   */
  public record Settings(Duration connectTimeout, Duration downloadTimeout) {
    public static final Settings DEFAULT = new Settings(Duration.ofSeconds(10), Duration.ofMinutes(10));

    public Settings {
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(downloadTimeout, "downloadTimeout");
    }
  }

  private static final int BUFFER = 64 * 1024;

  private final HttpClient http;
  private final Settings settings;
  private final ScheduledExecutorService watchdog;

  /**
   * @param watchdog closes the body stream of a download that runs past its timeout (a stalled
   *     server sends no bytes, so the reading thread alone could wait forever)
   */
  public ArtifactFetcher(Settings settings, ScheduledExecutorService watchdog) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** The URL without query or fragment, safe for logs and messages. */
  public static String redact(URI url) {
    return url.getScheme() + "://" + url.getRawAuthority() + Objects.requireNonNullElse(url.getRawPath(), "");
  }

  /**
   * Downloads {@code url} to {@code target} (replaced if present) and checks it against {@code
   * sizeBytes} and {@code sha256} (lower-case hex).
   */
  public Path fetch(URI url, String sha256, long sizeBytes, Path target) {
    String expected = sha256.toLowerCase(Locale.ROOT);
    String shown = redact(url);
    HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.downloadTimeout()).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.ARTIFACT_UNAVAILABLE,
          "Could not download the submission from " + shown + ": " + e + "; the artifact store may be down", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KinitroException(ErrorCode.EVALUATOR_SHUTTING_DOWN, "Interrupted while downloading " + shown, e);
    }
    int status = response.statusCode();
    if (status != 200) {
      closeQuietly(response.body());
      ErrorCode code = status >= 500 || status == 429 ? ErrorCode.ARTIFACT_UNAVAILABLE : ErrorCode.ARTIFACT_URL_REJECTED;
      throw new KinitroException(code, "The artifact store answered HTTP " + status + " for " + shown
          + (code == ErrorCode.ARTIFACT_URL_REJECTED ? "; the presigned URL may have expired" : ""));
    }
    long announced = response.headers().firstValueAsLong("content-length").orElse(-1);
    if (announced >= 0 && announced != sizeBytes) {
      closeQuietly(response.body());
      throw new KinitroException(ErrorCode.ARTIFACT_DIGEST_MISMATCH,
          "The artifact store announces " + announced + " bytes for " + shown + " but the job says " + sizeBytes);
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    InputStream body = response.body();
    ScheduledFuture<?> guard = watchdog.schedule(() -> {
      timedOut.set(true);
      closeQuietly(body);
    }, settings.downloadTimeout().toMillis(), TimeUnit.MILLISECONDS);
    MessageDigest digest = sha256();
    long read = 0;
    try (InputStream in = body;
        OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      byte[] buffer = new byte[BUFFER];
      int n;
      while ((n = readBody(in, buffer, shown, timedOut)) > 0) {
        read += n;
        if (read > sizeBytes) {
          throw new KinitroException(ErrorCode.ARTIFACT_DIGEST_MISMATCH,
              "The archive from " + shown + " is longer than the " + sizeBytes + " bytes the job says");
        }
        digest.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      deleteQuietly(target);
      throw localFailure(e, target);
    } catch (RuntimeException e) {
      deleteQuietly(target);
      throw e;
    } finally {
      guard.cancel(false);
    }
    if (read != sizeBytes) {
      deleteQuietly(target);
      throw new KinitroException(ErrorCode.ARTIFACT_DIGEST_MISMATCH,
          "The archive from " + shown + " has " + read + " bytes but the job says " + sizeBytes);
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(expected)) {
      deleteQuietly(target);
      throw new KinitroException(ErrorCode.ARTIFACT_DIGEST_MISMATCH,
          "The archive from " + shown + " has SHA-256 " + actual + " but the job says " + expected);
    }
    return target;
  }

  private static int readBody(InputStream in, byte[] buffer, String shown, AtomicBoolean timedOut) {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      if (timedOut.get()) {
        throw new KinitroException(ErrorCode.ARTIFACT_UNAVAILABLE, "The download from " + shown + " timed out", e);
      }
      throw new KinitroException(ErrorCode.ARTIFACT_UNAVAILABLE,
          "The download from " + shown + " broke off: " + e, e);
    }
  }

  /** A failure writing the local file: a full disk is a resource problem, the rest is ours. */
  public static KinitroException localFailure(IOException e, Path where) {
    String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (text.contains("no space left") || text.contains("disk quota exceeded")) {
      return new KinitroException(ErrorCode.EVALUATOR_DISK_FULL,
          "No space left for " + where + "; free disk space or point kinitro.evaluator.runtime.work-dir elsewhere", e);
    }
    return new KinitroException(ErrorCode.EVALUATION_FAILED, "Could not write " + where + ": " + e, e);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort
    }
  }
}
