package ai.kinitro.backend.edge;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.signing.RequestSigner;
import ai.kinitro.common.signing.SignedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A miner as the CLI behaves: signs the upload request with its hotkey and PUTs the archive. */
final class Miner {
  static final String PATH = "/submissions/request-upload";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final JsonMapper JSON = JsonMapper.builder().build();

  final Sr25519KeyPair key;
  final RequestSigner signer;
  final URI backend;

  Miner(String secretUri, int port) {
    this(secretUri, port, EdgeIntegrationTest.CLOCK);
  }

  Miner(String secretUri, int port, java.time.Clock clock) {
    this.key = SecretUri.parse(secretUri);
    this.signer = new RequestSigner(key, clock, new java.security.SecureRandom());
    this.backend = URI.create("http://127.0.0.1:" + port);
  }

  String hotkey() {
    return signer.hotkey();
  }

  /** A signed request for this body (send it with {@link #send}). */
  SignedRequest sign(String body) {
    return signer.sign("kinitro/submission-upload", "POST", PATH, body.getBytes(UTF_8));
  }

  static String body(long competitionId, String version, byte[] archive) {
    return body(competitionId, version, sha256(archive), archive.length);
  }

  static String body(long competitionId, String version, String sha256, long size) {
    return "{\"competition_id\":\"" + competitionId + "\",\"version\":\"" + version + "\",\"artifact_sha256\":\"" + sha256
        + "\",\"artifact_size_bytes\":" + size + "}";
  }

  Response send(String body, SignedRequest signed) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(backend.resolve(PATH))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    signed.headers().forEach(request::header);
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), JSON.readTree(response.body()));
  }

  Response request(String body) throws IOException, InterruptedException {
    return send(body, sign(body));
  }

  static String renewalPath(String submissionId) {
    return "/submissions/uploads/" + submissionId + "/renew";
  }

  static String renewalBody(byte[] archive) {
    return renewalBody(sha256(archive), archive.length);
  }

  static String renewalBody(String sha256, long size) {
    return "{\"artifact_sha256\":\"" + sha256 + "\",\"artifact_size_bytes\":" + size + "}";
  }

  /** A signed renewal of upload {@code submissionId}'s URL (send it with {@link #sendRenewal}). */
  SignedRequest signRenewal(String submissionId, String body) {
    return signer.sign("kinitro/submission-upload-renewal", "POST", renewalPath(submissionId), body.getBytes(UTF_8));
  }

  Response sendRenewal(String submissionId, String body, SignedRequest signed) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(backend.resolve(renewalPath(submissionId)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    signed.headers().forEach(request::header);
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), JSON.readTree(response.body()));
  }

  Response renew(String submissionId, String body) throws IOException, InterruptedException {
    return sendRenewal(submissionId, body, signRenewal(submissionId, body));
  }

  /** PUTs bytes to the presigned URL with the returned headers; returns the S3 status and body. */
  static HttpResponse<String> put(JsonNode ticket, byte[] archive, Map<String, String> overrides)
      throws IOException, InterruptedException {
    HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.path("upload_url").asString()))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(archive));
    ticket.path("headers").properties().forEach(e -> {
      if (!e.getKey().equalsIgnoreCase("Content-Length")) {
        put.header(e.getKey(), overrides.getOrDefault(e.getKey(), e.getValue().asString()));
      }
    });
    return HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  record Response(int status, JsonNode body) {
    int code() {
      return body.path("code").asInt();
    }
  }
}
