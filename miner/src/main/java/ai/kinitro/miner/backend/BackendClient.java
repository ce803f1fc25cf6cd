package ai.kinitro.miner.backend;

import ai.kinitro.common.error.ErrorCategory;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.signing.RequestSigner;
import ai.kinitro.common.signing.SignedRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backend's REST API as the miner uses it. Every call has a timeout; a backend that cannot be
 * reached is {@code MINER_BACKEND_UNREACHABLE} naming the URL; refusals keep the backend's error
 * name and message and map to codes a miner can act on ({@link #refusal}).
 */
public final class BackendClient {
  /** Domain of the signed upload request (the backend's {@code UploadConfig.SIGNING_DOMAIN}). */
  public static final String UPLOAD_DOMAIN = "kinitro/submission-upload";
  public static final String UPLOAD_PATH = "/submissions/request-upload";
  /** Domain of the signed renewal of a pending upload's URL (the backend's {@code UploadConfig.RENEWAL_SIGNING_DOMAIN}). */
  public static final String RENEWAL_DOMAIN = "kinitro/submission-upload-renewal";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;

  public BackendClient(URI base, HttpClient http, Duration timeout) {
    this.base = Objects.requireNonNull(base, "base");
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** With its own HTTP/1.1 client and the default timeout. */
  public static BackendClient create(URI base) {
    return new BackendClient(base, defaultHttpClient(), DEFAULT_TIMEOUT);
  }

  /** The HTTP client the miner uses: HTTP/1.1, 10 s connect timeout, redirects only to the same scheme. */
  public static HttpClient defaultHttpClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  public URI base() {
    return base;
  }

  /** The path of a backend route under the base URL (keeps a base path such as {@code /api}). */
  String path(String route) {
    String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    return prefix + route;
  }

  URI uri(String pathAndQuery) {
    return URI.create(base.getScheme() + "://" + base.getRawAuthority() + pathAndQuery);
  }

  /** {@code GET /competitions/{id}}. */
  public Competition competition(String id) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path("/competitions/" + encode(id)))).GET(), "read competition " + id);
    if (r.statusCode() == 404) {
      throw new KinitroException(ErrorCode.NOT_FOUND, "the backend at " + base + " has no competition '" + id
          + "'; list the open ones with GET " + uri(path("/competitions?active_only=true")));
    }
    return Competition.of(json(requireOk(r, "read competition " + id)));
  }

  /** {@code GET /submissions/{id}}, empty when the backend has no such submission (yet). */
  public Optional<JsonNode> submission(String id) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path("/submissions/" + encode(id)))).GET(), "read submission " + id);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(json(requireOk(r, "read submission " + id)));
  }

  /** {@code GET /jobs?submission_id=...}: the submission's jobs (first page of up to 100). */
  public List<JsonNode> jobs(String submissionId) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(
        uri(path("/jobs") + "?submission_id=" + encode(submissionId) + "&limit=100")).GET(), "list jobs");
    JsonNode page = json(requireOk(r, "list jobs"));
    List<JsonNode> items = new ArrayList<>();
    page.path("items").forEach(items::add);
    return items;
  }

  /**
   * {@code POST /submissions/request-upload}, signed with the hotkey (domain {@value
   * #UPLOAD_DOMAIN}). Sent once: a signed request carries a single-use nonce, so it is only repeated
   * (freshly signed) when the connection could not even be opened.
   */
  public UploadTicket requestUpload(UploadRequest request, RequestSigner signer) {
    byte[] body = request.body();
    HttpResponse<String> r = sendSigned(UPLOAD_DOMAIN, path(UPLOAD_PATH), body, signer, "request an upload");
    if (r.statusCode() != 201 && r.statusCode() != 200) {
      throw refusal(BackendProblem.parse(r.statusCode(), r.body()), request);
    }
    return ticket(json(r), "k1:" + request.competitionId() + ":");
  }

  /**
   * {@code POST /submissions/uploads/{submission_id}/renew}, signed with the hotkey (domain {@value
   * #RENEWAL_DOMAIN}): a fresh presigned PUT for the same still-pending upload, which keeps its
   * submission id and version and uses no upload-rate slot. When the backend answers that the upload
   * expired or is unknown, or it has no such route (an older backend), the answer is {@link
   * RenewalOutcome.NeedsNewUpload}; any other refusal is thrown like {@link #refusal}.
   *
   * @param previous the ticket whose URL expired
   * @param sha256 the archive's SHA-256 (the one the upload was granted for)
   * @param sizeBytes the archive's size
   */
  public RenewalOutcome renewUpload(UploadTicket previous, String sha256, long sizeBytes, RequestSigner signer) {
    Objects.requireNonNull(previous, "previous");
    byte[] body = ("{\"artifact_sha256\":\"" + sha256 + "\",\"artifact_size_bytes\":" + sizeBytes + "}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> r = sendSigned(RENEWAL_DOMAIN, path(renewalRoute(previous.submissionId())), body, signer,
        "renew the upload URL");
    if (r.statusCode() == 200 || r.statusCode() == 201) {
      String prefix = previous.commitment().substring(0, previous.commitment().lastIndexOf(':') + 1);
      return new RenewalOutcome.Renewed(ticket(json(r), prefix));
    }
    BackendProblem p = BackendProblem.parse(r.statusCode(), r.body());
    if (p.is("UPLOAD_EXPIRED") || p.is("UPLOAD_NOT_FOUND")) {
      return new RenewalOutcome.NeedsNewUpload("the backend refused the renewal: " + p.describe());
    }
    if (p.code().isEmpty() && (r.statusCode() == 404 || r.statusCode() == 405)) {
      return new RenewalOutcome.NeedsNewUpload("the backend at " + base + " cannot renew upload URLs (HTTP "
          + r.statusCode() + " for " + renewalRoute(previous.submissionId()) + "; an older version)");
    }
    throw renewalRefusal(p);
  }

  /** The renewal route of an upload. */
  public static String renewalRoute(String submissionId) {
    return "/submissions/uploads/" + encode(submissionId) + "/renew";
  }

  /**
   * Sends a signed POST once: a signed request carries a single-use nonce, so it is only repeated
   * (freshly signed) when the connection could not even be opened.
   */
  private HttpResponse<String> sendSigned(String domain, String path, byte[] body, RequestSigner signer, String what) {
    HttpResponse<String> r = null;
    for (int attempt = 1; r == null; attempt++) {
      SignedRequest signed = signer.sign(domain, "POST", path, body);
      HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      signed.headers().forEach(b::header);
      try {
        r = send(b, what);
      } catch (KinitroException e) {
        if (e.code() != ErrorCode.MINER_BACKEND_UNREACHABLE || !(e.getCause() instanceof ConnectException) || attempt >= 3) {
          throw e;
        }
        sleep(Duration.ofMillis(500L * attempt));
      }
    }
    return r;
  }

  /** Reads a granted upload; {@code commitmentPrefix} + submission id stands in for a missing commitment. */
  private UploadTicket ticket(JsonNode n, String commitmentPrefix) {
    Map<String, String> headers = new LinkedHashMap<>();
    n.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
    try {
      String submissionId = n.path("submission_id").asString();
      String commitment = n.path("commitment").asString("");
      if (commitment.isEmpty()) {
        commitment = commitmentPrefix + submissionId;
      }
      return new UploadTicket(submissionId, URI.create(n.path("upload_url").asString()), n.path("method").asString("PUT"),
          headers, Instant.parse(n.path("expires_at").asString()),
          n.path("upload_expires_at").isString() ? Optional.of(Instant.parse(n.path("upload_expires_at").asString()))
              : Optional.empty(), commitment);
    } catch (RuntimeException e) {
      throw new KinitroException(ErrorCode.MINER_BACKEND_ERROR, "the backend's upload answer is incomplete ("
          + e.getMessage() + "); is " + base + " a Kinitro backend of this version?", e);
    }
  }

  /** Maps a refused renewal (other than an expired or unknown upload) to what the miner should do about it. */
  static KinitroException renewalRefusal(BackendProblem p) {
    String said = "the backend refused to renew the upload URL: " + p.describe();
    if (p.is("HOTKEY_NOT_REGISTERED")) {
      return new KinitroException(ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED, said
          + ". Register the hotkey on the subnet first (btcli subnet register), or use a registered one");
    }
    if (p.is("STALE_TIMESTAMP")) {
      return new KinitroException(ErrorCode.MINER_UPLOAD_REFUSED, said + ". Check this machine's clock (NTP)");
    }
    if (p.status() >= 500) {
      return new KinitroException(ErrorCode.MINER_BACKEND_ERROR, said + ". Retry later");
    }
    return new KinitroException(ErrorCode.MINER_UPLOAD_REFUSED, said);
  }

  /** Maps a refused upload request to what the miner should do about it. */
  static KinitroException refusal(BackendProblem p, UploadRequest request) {
    String said = "the backend refused the upload: " + p.describe();
    if (p.is("UPLOAD_RATE_LIMITED") || p.status() == 429) {
      return new KinitroException(ErrorCode.MINER_UPLOAD_RATE_LIMITED, said
          + ". Uploads that were never committed count until they expire; wait for the window to pass");
    }
    if (p.is("HOTKEY_NOT_REGISTERED")) {
      return new KinitroException(ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED, said
          + ". Register the hotkey on the subnet first (btcli subnet register), or use a registered one");
    }
    if (p.is("ARTIFACT_TOO_LARGE") || p.status() == 413) {
      return new KinitroException(ErrorCode.ARCHIVE_TOO_LARGE, said
          + ". Leave large files out with .kinitroignore or shrink the model");
    }
    if (p.is("VERSION_ALREADY_SUBMITTED")) {
      return new KinitroException(ErrorCode.MINER_UPLOAD_REFUSED, said + ". Pass another --version than '"
          + request.version() + "'");
    }
    if (p.is("STALE_TIMESTAMP")) {
      return new KinitroException(ErrorCode.MINER_UPLOAD_REFUSED, said + ". Check this machine's clock (NTP)");
    }
    if (p.status() >= 500) {
      return new KinitroException(ErrorCode.MINER_BACKEND_ERROR, said + ". Retry later");
    }
    return new KinitroException(ErrorCode.MINER_UPLOAD_REFUSED, said);
  }

  private HttpResponse<String> send(HttpRequest.Builder builder, String what) {
    HttpRequest request = builder.timeout(timeout).header("Accept", "application/json").build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
      throw unreachable(what, e);
    } catch (HttpTimeoutException e) {
      throw new KinitroException(ErrorCode.MINER_BACKEND_UNREACHABLE, "the backend at " + base + " did not answer within "
          + timeout.toSeconds() + " s (" + what + ")", e);
    } catch (IOException e) {
      if (e.getCause() instanceof UnresolvedAddressException || e.getCause() instanceof ConnectException) {
        throw unreachable(what, e);
      }
      throw new KinitroException(ErrorCode.MINER_BACKEND_UNREACHABLE, "the connection to the backend at " + base
          + " failed (" + what + "): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KinitroException(ErrorCode.MINER_BACKEND_UNREACHABLE, "interrupted while waiting for the backend", e);
    }
  }

  private KinitroException unreachable(String what, Exception e) {
    return new KinitroException(ErrorCode.MINER_BACKEND_UNREACHABLE, "cannot reach the backend at " + base + " (" + what
        + "): " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
        + ". Is it running (local platform: ./kinitro up), and is backend_url right?", e);
  }

  private HttpResponse<String> requireOk(HttpResponse<String> r, String what) {
    if (r.statusCode() / 100 == 2) {
      return r;
    }
    BackendProblem p = BackendProblem.parse(r.statusCode(), r.body());
    ErrorCode code = r.statusCode() >= 500 ? ErrorCode.MINER_BACKEND_ERROR
        : p.code().flatMap(ErrorCode::fromNumber).filter(c -> c.category() == ErrorCategory.USER)
            .orElse(ErrorCode.INVALID_ARGUMENT);
    throw new KinitroException(code, "the backend could not " + what + ": " + p.describe());
  }

  private JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (RuntimeException e) {
      throw new KinitroException(ErrorCode.MINER_BACKEND_ERROR, "the backend at " + base + " answered something that is "
          + "not JSON (HTTP " + r.statusCode() + "); is backend_url a Kinitro backend?", e);
    }
  }

  private static String encode(String segment) {
    return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KinitroException(ErrorCode.MINER_BACKEND_UNREACHABLE, "interrupted", e);
    }
  }
}
