package ai.kinitro.miner.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.kinitro.common.crypto.Sr25519;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.signing.InMemoryNonceStore;
import ai.kinitro.common.signing.RequestVerifier;
import ai.kinitro.common.signing.SignatureHeaders;
import ai.kinitro.common.signing.VerifiedRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real HTTP server standing in for the backend's upload edge and its object store, with the exact
 * request and answer formats of branch backend-edge: {@code POST /submissions/request-upload}
 * verified with the real {@link RequestVerifier} (domain {@code kinitro/submission-upload}, real
 * sr25519, single-use nonces), the same checks in the same order (body, signature, registration,
 * competition, size, version, rate window) answering RFC 9457 problems with {@code code} and {@code
 * error}; and a presigned PUT endpoint that, like S3, checks {@code Content-Type}, {@code
 * Content-Length} and {@code x-amz-checksum-sha256} and refuses an expired URL with {@code 403
 * AccessDenied "Request has expired"} after reading the body. {@code POST
 * /submissions/uploads/{id}/renew} (domain {@code kinitro/submission-upload-renewal}) re-presigns a
 * pending upload's URL with the backend's refusals (404 UPLOAD_NOT_FOUND, 403 UPLOAD_NOT_OWNED, 410
 * UPLOAD_EXPIRED, 409 UPLOAD_RENEWAL_MISMATCH), or answers like a backend without the route. Also
 * {@code GET /competitions/{id}}, {@code /submissions/{id}} and {@code /jobs}.
 */
public final class FakeBackend implements AutoCloseable {
  public static final String COMPETITION = "7312840000000000001";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final Clock clock = Clock.systemUTC();
  private final RequestVerifier verifier;
  private final RequestVerifier renewalVerifier;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
  private final Map<Long, Grant> grants = new ConcurrentHashMap<>();
  private final Map<Long, Instant> uploadExpiresAt = new ConcurrentHashMap<>();
  private final List<Grant> uploads = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(7312848011234567890L);
  private final AtomicInteger putCount = new AtomicInteger();
  private final AtomicInteger requestCount = new AtomicInteger();
  private final AtomicInteger renewalCount = new AtomicInteger();

  /** Settings a test changes. */
  public volatile long maxSizeBytes = 10_000_000;
  public volatile Long windowSeconds = 3600L;
  public volatile Integer perWindow = 3;
  public volatile Duration urlTtl = Duration.ofMinutes(10);
  /** PUTs answered 503 before one is accepted. */
  public final AtomicInteger failPuts = new AtomicInteger();
  /** Renewals answer 410 UPLOAD_EXPIRED, as when the pending upload itself expired. */
  public volatile boolean pendingExpired;
  /** Renewals answer a bare 404, as a backend from before the renewal route does. */
  public volatile boolean renewalUnsupported;
  /** How long the store takes to read a PUT body (a slow connection). */
  public volatile Duration putReadDelay = Duration.ZERO;
  /** The competition's benchmarks, as the backend returns them. */
  public volatile JsonNode benchmarks = JSON.createArrayNode();

  public record Grant(long id, String hotkey, String version, String sha256, long size, String key, Instant expiresAt) {}

  public FakeBackend() throws IOException {
    InMemoryNonceStore nonces = new InMemoryNonceStore(clock);
    verifier = new RequestVerifier("kinitro/submission-upload", Sr25519::verify, nonces, clock);
    renewalVerifier = new RequestVerifier("kinitro/submission-upload-renewal", Sr25519::verify, nonces, clock);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/competitions/", this::competition);
    server.createContext("/submissions/request-upload", this::requestUpload);
    server.createContext("/submissions/", this::submission);
    server.createContext("/submissions/uploads/", this::renew);
    server.createContext("/jobs", ex -> send(ex, 200, "{\"items\":[],\"total\":0,\"limit\":100,\"offset\":0}"));
    server.createContext("/store/", this::put);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public void register(String hotkey) {
    registered.add(hotkey);
  }

  public Map<String, byte[]> stored() {
    return stored;
  }

  public List<Grant> uploads() {
    return uploads;
  }

  public int puts() {
    return putCount.get();
  }

  public int uploadRequests() {
    return requestCount.get();
  }

  /** Renewal requests received (answered or refused). */
  public int renewalRequests() {
    return renewalCount.get();
  }

  /** The grant whose URL is current for upload {@code id} (after renewals, the last one). */
  public Grant current(long id) {
    return grants.get(id);
  }

  private void competition(HttpExchange ex) throws IOException {
    String id = ex.getRequestURI().getPath().substring("/competitions/".length());
    if (!id.equals(COMPETITION)) {
      problem(ex, 404, ErrorCode.NOT_FOUND.number(), "COMPETITION_NOT_FOUND", "no competition has id " + id);
      return;
    }
    ObjectNode c = JSON.createObjectNode();
    c.put("id", COMPETITION);
    c.put("name", "Local CartPole");
    c.set("benchmarks", benchmarks);
    c.put("active", true);
    c.put("submission_max_size_bytes", maxSizeBytes);
    if (windowSeconds != null) {
      c.put("submission_upload_window_seconds", windowSeconds);
    }
    if (perWindow != null) {
      c.put("submission_uploads_per_window", perWindow);
    }
    send(ex, 200, JSON.writeValueAsString(c));
  }

  private void submission(HttpExchange ex) throws IOException {
    problem(ex, 404, ErrorCode.NOT_FOUND.number(), "NOT_FOUND", "no submission");
  }

  private void requestUpload(HttpExchange ex) throws IOException {
    requestCount.incrementAndGet();
    byte[] body = ex.getRequestBody().readAllBytes();
    JsonNode n;
    try {
      n = JSON.readTree(body);
    } catch (RuntimeException e) {
      problem(ex, 400, 1000, "INVALID_ARGUMENT", "the body is not JSON");
      return;
    }
    String competition = n.path("competition_id").asString();
    String version = n.path("version").asString();
    String sha = n.path("artifact_sha256").asString();
    long size = n.path("artifact_size_bytes").asLong();
    VerifiedRequest verified;
    try {
      verified = verifier.verify(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), body,
          SignatureHeaders.Lookup.of(flatHeaders(ex)));
    } catch (KinitroException e) {
      problem(ex, 401, e.code().number(), e.code().name(), e.getMessage());
      return;
    }
    String hotkey = verified.hotkey();
    if (!registered.contains(hotkey)) {
      problem(ex, 403, 1550, "HOTKEY_NOT_REGISTERED", "the hotkey " + hotkey + " is not registered on the subnet; "
          + "register it (btcli subnet register) before submitting");
      return;
    }
    if (!competition.equals(COMPETITION)) {
      problem(ex, 404, 1551, "COMPETITION_NOT_FOUND", "no competition has id " + competition);
      return;
    }
    if (size > maxSizeBytes) {
      problem(ex, 413, 1553, "ARTIFACT_TOO_LARGE", "the archive has " + size + " bytes; competition " + competition
          + " accepts at most " + maxSizeBytes);
      return;
    }
    synchronized (this) {
      if (uploads.stream().anyMatch(u -> u.hotkey().equals(hotkey) && u.version().equals(version))) {
        problem(ex, 409, 1554, "VERSION_ALREADY_SUBMITTED", "version '" + version + "' is already used");
        return;
      }
      if (windowSeconds != null && perWindow != null && uploads.stream().filter(u -> u.hotkey().equals(hotkey)).count() >= perWindow) {
        problem(ex, 429, 4310, "UPLOAD_RATE_LIMITED", "this hotkey made " + perWindow + " uploads to competition "
            + competition + " in the last " + windowSeconds + " s; at most " + perWindow + " are allowed");
        return;
      }
      long id = ids.incrementAndGet();
      String key = "submissions/" + id + "/" + version + ".tar.gz";
      Instant expires = clock.instant().plus(urlTtl);
      Grant g = new Grant(id, hotkey, version, sha, size, key, expires);
      grants.put(id, g);
      uploads.add(g);
      ObjectNode t = ticket(g, competition);
      send(ex, 201, JSON.writeValueAsString(t));
    }
  }

  private void renew(HttpExchange ex) throws IOException {
    renewalCount.incrementAndGet();
    byte[] body = ex.getRequestBody().readAllBytes();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("/submissions/uploads/([0-9]+)/renew")
        .matcher(ex.getRequestURI().getRawPath());
    if (renewalUnsupported || !m.matches() || !ex.getRequestMethod().equals("POST")) {
      send(ex, 404, "{\"timestamp\":\"" + clock.instant() + "\",\"status\":404,\"error\":\"Not Found\",\"path\":\""
          + ex.getRequestURI().getRawPath() + "\"}");
      return;
    }
    JsonNode n;
    try {
      n = JSON.readTree(body);
    } catch (RuntimeException e) {
      problem(ex, 400, 1000, "INVALID_ARGUMENT", "the body is not JSON");
      return;
    }
    VerifiedRequest verified;
    try {
      verified = renewalVerifier.verify(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), body,
          SignatureHeaders.Lookup.of(flatHeaders(ex)));
    } catch (KinitroException e) {
      problem(ex, 401, e.code().number(), e.code().name(), e.getMessage());
      return;
    }
    long id = Long.parseLong(m.group(1));
    synchronized (this) {
      Grant g = grants.get(id);
      if (g == null) {
        problem(ex, 404, 1555, "UPLOAD_NOT_FOUND", "no upload has submission id " + id);
        return;
      }
      if (!g.hotkey().equals(verified.hotkey())) {
        problem(ex, 403, 1571, "UPLOAD_NOT_OWNED", "upload " + id + " was requested by another hotkey");
        return;
      }
      if (pendingExpired) {
        problem(ex, 410, 1556, "UPLOAD_EXPIRED", "upload " + id + " expired without a commitment on chain; "
            + "request a new upload with POST /submissions/request-upload");
        return;
      }
      if (!g.sha256().equals(n.path("artifact_sha256").asString()) || g.size() != n.path("artifact_size_bytes").asLong()) {
        problem(ex, 409, 1572, "UPLOAD_RENEWAL_MISMATCH", "upload " + id + " was granted for another archive");
        return;
      }
      Grant renewed = new Grant(id, g.hotkey(), g.version(), g.sha256(), g.size(), g.key(), clock.instant().plus(urlTtl));
      grants.put(id, renewed);
      send(ex, 200, JSON.writeValueAsString(ticket(renewed, COMPETITION)));
    }
  }

  private ObjectNode ticket(Grant g, String competition) {
    ObjectNode t = JSON.createObjectNode();
    t.put("submission_id", Long.toString(g.id()));
    t.put("upload_url", url() + "/store/" + g.key() + "?X-Amz-Expires=" + urlTtl.toSeconds() + "&X-Amz-Signature=" + g.id()
        + "-" + g.expiresAt().toEpochMilli());
    t.put("method", "PUT");
    ObjectNode h = t.putObject("headers");
    h.put("Content-Length", Long.toString(g.size()));
    h.put("Content-Type", "application/gzip");
    h.put("x-amz-checksum-sha256", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(g.sha256())));
    t.put("expires_at", g.expiresAt().toString());
    t.put("upload_expires_at", uploadExpiresAt.computeIfAbsent(g.id(), i -> clock.instant().plus(Duration.ofHours(1))).toString());
    t.put("object_key", g.key());
    t.put("artifact_sha256", g.sha256());
    t.put("artifact_size_bytes", g.size());
    t.put("commitment", "k1:" + competition + ":" + g.id());
    return t;
  }

  private void put(HttpExchange ex) throws IOException {
    putCount.incrementAndGet();
    String key = ex.getRequestURI().getPath().substring("/store/".length());
    Grant g = grants.values().stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
    byte[] body = readSlowly(ex.getRequestBody());
    if (!ex.getRequestMethod().equals("PUT") || g == null) {
      s3(ex, 403, "AccessDenied", "Access Denied");
      return;
    }
    if (!clock.instant().isBefore(g.expiresAt())) {
      s3(ex, 403, "AccessDenied", "Request has expired");
      return;
    }
    if (failPuts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      s3(ex, 503, "SlowDown", "Please reduce your request rate.");
      return;
    }
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    String checksum = ex.getRequestHeaders().getFirst("x-amz-checksum-sha256");
    String expected = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(g.sha256()));
    if (!Long.toString(g.size()).equals(length) || !"application/gzip".equals(type) || !expected.equals(checksum)) {
      s3(ex, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
      return;
    }
    if (!expected.equals(Base64.getEncoder().encodeToString(sha256(body)))) {
      s3(ex, 400, "BadDigest", "The SHA256 you specified did not match the calculated checksum.");
      return;
    }
    stored.put(key, body);
    ex.sendResponseHeaders(200, -1);
    ex.close();
  }

  private byte[] readSlowly(InputStream in) throws IOException {
    if (putReadDelay.isZero()) {
      return in.readAllBytes();
    }
    try {
      Thread.sleep(putReadDelay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return in.readAllBytes();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> flatHeaders(HttpExchange ex) {
    Map<String, String> out = new java.util.HashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> out.put(k, v.getFirst()));
    return out;
  }

  private static void problem(HttpExchange ex, int status, int code, String error, String detail) throws IOException {
    ObjectNode p = JSON.createObjectNode();
    p.put("type", "https://kinitro.ai/errors/" + code);
    p.put("title", error);
    p.put("status", status);
    p.put("detail", detail);
    p.put("code", code);
    p.put("error", error);
    ex.getResponseHeaders().add("Content-Type", "application/problem+json");
    send(ex, status, JSON.writeValueAsString(p));
  }

  private static void s3(HttpExchange ex, int status, String code, String message) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/xml");
    send(ex, status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
        + "</Message></Error>");
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    if (!ex.getResponseHeaders().containsKey("Content-Type")) {
      ex.getResponseHeaders().add("Content-Type", "application/json");
    }
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
