package ai.kinitro.miner.upload;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.signing.RequestSigner;
import ai.kinitro.miner.backend.BackendClient;
import ai.kinitro.miner.backend.Competition;
import ai.kinitro.miner.backend.RenewalOutcome;
import ai.kinitro.miner.backend.UploadRequest;
import ai.kinitro.miner.backend.UploadTicket;
import ai.kinitro.miner.pack.PackagedSubmission;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploads a packaged archive:
 *
 * <ol>
 *   <li>reads the competition and refuses an archive over its size limit before anything is signed;
 *   <li>asks the backend for an upload ({@link BackendClient#requestUpload}, signed by the hotkey);
 *   <li>PUTs the file to the presigned URL with the headers the signature covers, reporting progress.
 *       A PUT is idempotent (same URL, same bytes), so connection failures and server errors are
 *       retried; any other refusal by the store is final;
 *   <li>when the URL expired (before the PUT, or the store answers that it expired during a slow
 *       upload), asks the backend to renew the URL of the same pending upload ({@link
 *       BackendClient#renewUpload}: same submission id and version, no upload-rate slot) and PUTs
 *       again. Only when the backend cannot renew (the pending upload itself expired, or the
 *       backend predates renewals) is a new upload requested under a derived version ({@code
 *       <version>-r2}, ...), as the listener is told. New URLs of either kind are bounded by
 *       {@link UploadPolicy#renewals()}.
 * </ol>
 */
public final class Uploader {
  private static final Set<String> NOT_SENT = Set.of("host", "content-length", "connection", "expect", "upgrade");
  private static final Pattern DERIVED = Pattern.compile("-r(\\d{1,6})$");
  private static final Pattern S3_CODE = Pattern.compile("<Code>([^<]+)</Code>");
  private static final Pattern S3_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

  private final BackendClient backend;
  private final HttpClient http;
  private final Clock clock;
  private final UploadPolicy policy;

  public Uploader(BackendClient backend, HttpClient http, Clock clock, UploadPolicy policy) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** A fresh default version: {@code v<unix seconds>}. */
  public String defaultVersion() {
    return "v" + clock.instant().getEpochSecond();
  }

  /**
   * The version of a new upload requested as the {@code n}-th replacement when a renewal was not
   * possible: {@code <version>-r<n>}, cut to fit 32 characters.
   */
  static String renewedVersion(String version, int n) {
    String suffix = "-r" + n;
    String base = version.replaceAll("-r\\d+$", "");
    if (base.length() + suffix.length() > 32) {
      base = base.substring(0, 32 - suffix.length());
    }
    return base + suffix;
  }

  public UploadResult upload(PackagedSubmission archive, String competitionId, Optional<String> version,
      RequestSigner signer, UploadListener listener) {
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(listener, "listener");
    Competition competition = backend.competition(competitionId);
    if (!competition.active()) {
      throw new KinitroException(ErrorCode.MINER_UPLOAD_REFUSED, "competition " + competitionId + " ('"
          + competition.name() + "') is not active; it does not accept submissions");
    }
    if (competition.maxSizeBytes().isPresent() && archive.sizeBytes() > competition.maxSizeBytes().getAsLong()) {
      throw new KinitroException(ErrorCode.ARCHIVE_TOO_LARGE, "the archive has " + archive.sizeBytes()
          + " bytes; competition " + competitionId + " accepts at most " + competition.maxSizeBytes().getAsLong()
          + ". Leave large files out with .kinitroignore or shrink the model");
    }
    String first = version.orElseGet(this::defaultVersion);
    Granted current = new Granted(request(archive, competitionId, first, signer, listener), first);
    int renewals = 0;
    int attempts = 0;
    while (true) {
      if (!clock.instant().plus(policy.minUrlLife()).isBefore(current.ticket().expiresAt())) {
        if (renewals >= policy.renewals()) {
          throw expired(current.ticket(), renewals);
        }
        renewals++;
        current = renew(archive, competitionId, current,
            "the upload URL expires at " + current.ticket().expiresAt() + ", too soon to start", signer, listener);
        continue;
      }
      PutOutcome outcome = putWithRetries(archive, current.ticket(), listener);
      attempts += outcome.attempts();
      if (outcome.stored()) {
        return new UploadResult(current.ticket().submissionId(), competitionId, current.version(),
            current.ticket().commitment(), archive.sha256(), archive.sizeBytes(), attempts, renewals);
      }
      // The URL expired while the archive was on its way.
      if (renewals >= policy.renewals()) {
        throw expired(current.ticket(), renewals);
      }
      renewals++;
      current = renew(archive, competitionId, current,
          "the upload URL expired during the upload (" + outcome.detail() + ")", signer, listener);
    }
  }

  /** A granted upload and the version it holds. */
  private record Granted(UploadTicket ticket, String version) {}

  /**
   * A fresh URL for the same upload; or, when the backend cannot renew it (or the pending upload
   * ends too soon to be worth renewing), a new upload under the next derived version.
   */
  private Granted renew(PackagedSubmission archive, String competitionId, Granted current, String reason,
      RequestSigner signer, UploadListener listener) {
    Optional<java.time.Instant> uploadEnds = current.ticket().uploadExpiresAt();
    String gone;
    if (uploadEnds.isPresent() && !clock.instant().plus(policy.minUrlLife()).isBefore(uploadEnds.get())) {
      gone = "the pending upload itself expires at " + uploadEnds.get();
    } else {
      listener.renewing(reason, current.version());
      RenewalOutcome outcome = backend.renewUpload(current.ticket(), archive.sha256(), archive.sizeBytes(), signer);
      switch (outcome) {
        case RenewalOutcome.Renewed renewed -> {
          listener.granted(renewed.ticket(), current.version());
          return new Granted(renewed.ticket(), current.version());
        }
        case RenewalOutcome.NeedsNewUpload refused -> gone = refused.reason();
      }
    }
    Matcher derived = DERIVED.matcher(current.version());
    String next = renewedVersion(current.version(), derived.find() ? Integer.parseInt(derived.group(1)) + 1 : 2);
    listener.requestingNewUpload(reason + "; " + gone, next);
    return new Granted(request(archive, competitionId, next, signer, listener), next);
  }

  private UploadTicket request(PackagedSubmission archive, String competitionId, String version, RequestSigner signer,
      UploadListener listener) {
    UploadTicket ticket = backend.requestUpload(
        new UploadRequest(competitionId, version, archive.sha256(), archive.sizeBytes()), signer);
    listener.granted(ticket, version);
    return ticket;
  }

  private record PutOutcome(boolean stored, int attempts, String detail) {}

  /** PUTs until stored, expired (stored=false) or failed for good (throws). */
  private PutOutcome putWithRetries(PackagedSubmission archive, UploadTicket ticket, UploadListener listener) {
    Duration wait = policy.backoff();
    for (int attempt = 1; ; attempt++) {
      String problem;
      try {
        HttpResponse<String> r = put(archive, ticket, listener);
        int status = r.statusCode();
        if (status / 100 == 2) {
          return new PutOutcome(true, attempt, "");
        }
        String s3Code = first(S3_CODE, r.body());
        String s3Message = first(S3_MESSAGE, r.body());
        String detail = "HTTP " + status + (s3Code.isEmpty() ? "" : " " + s3Code) + (s3Message.isEmpty() ? "" : ": " + s3Message);
        if (status == 403 && (s3Message.toLowerCase(Locale.ROOT).contains("expired") || !clock.instant().isBefore(ticket.expiresAt()))) {
          return new PutOutcome(false, attempt, detail);
        }
        if (status < 500 && status != 408 && status != 429) {
          throw new KinitroException(ErrorCode.MINER_UPLOAD_FAILED, "the store refused the archive: " + detail
              + (s3Code.equals("BadDigest") || s3Code.equals("SignatureDoesNotMatch")
                  ? ". The file changed after it was packaged: run package and upload again" : ""));
        }
        problem = detail;
      } catch (IOException e) {
        if (e instanceof FileNotFoundException || e instanceof java.nio.file.NoSuchFileException) {
          throw new KinitroException(ErrorCode.NOT_FOUND, "the archive " + archive.archive() + " disappeared; run package again", e);
        }
        problem = "connection failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      }
      if (attempt >= policy.putAttempts()) {
        throw new KinitroException(ErrorCode.MINER_UPLOAD_FAILED, "the archive could not be stored after " + attempt
            + " attempts (" + problem + ")");
      }
      listener.retrying(problem, attempt + 1, wait);
      sleep(wait);
      wait = wait.multipliedBy(2);
    }
  }

  private HttpResponse<String> put(PackagedSubmission archive, UploadTicket ticket, UploadListener listener)
      throws IOException {
    long total = archive.sizeBytes();
    HttpRequest.BodyPublisher body = new ProgressPublisher(HttpRequest.BodyPublishers.ofFile(archive.archive()),
        sent -> listener.progress(sent, total));
    HttpRequest.Builder b = HttpRequest.newBuilder(ticket.uploadUrl()).method(ticket.method(), body);
    ticket.headers().forEach((name, value) -> {
      if (!NOT_SENT.contains(name.toLowerCase(Locale.ROOT))) {
        b.header(name, value);
      }
    });
    listener.progress(0, total);
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KinitroException(ErrorCode.MINER_UPLOAD_FAILED, "interrupted during the upload", e);
    }
  }

  private static KinitroException expired(UploadTicket ticket, int renewals) {
    return new KinitroException(ErrorCode.MINER_UPLOAD_URL_EXPIRED, "the upload URL expired at " + ticket.expiresAt()
        + (renewals > 0 ? " after " + renewals + " new URL(s)" : "") + "; the connection is too slow for the URL's "
        + "lifetime. Retry on a faster connection, or make the archive smaller");
  }

  private static String first(Pattern p, String text) {
    Matcher m = p.matcher(text == null ? "" : text);
    return m.find() ? m.group(1) : "";
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KinitroException(ErrorCode.MINER_UPLOAD_FAILED, "interrupted while waiting to retry", e);
    }
  }
}
