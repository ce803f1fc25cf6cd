package ai.kinitro.backend.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.testsupport.s3.S3ProxyServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The vault against a real S3 server (s3proxy as its own process). */
class VaultServiceTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static S3ProxyServer server;
  private static S3Client s3;
  private static S3Presigner presigner;
  private static VaultService vault;

  @BeforeAll
  static void startServer() {
    server = S3ProxyServer.start();
    VaultConfig config = testConfig(server);
    VaultConfiguration factory = new VaultConfiguration();
    s3 = factory.vaultS3Client(config);
    presigner = factory.vaultS3Presigner(config);
    vault = new VaultService(config, s3, presigner, Clock.systemUTC());
    vault.ensureBucket();
  }

  @AfterAll
  static void stopServer() {
    if (s3 != null) {
      s3.close();
      presigner.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static VaultConfig testConfig(S3ProxyServer server) {
    return new VaultConfig(server.endpoint(), server.region(), "vault-test", server.accessKey(), server.secretKey(),
        true, true, null, null, null, null, null, null);
  }

  @Test
  void anUploadThroughThePresignedPutIsStoredAndVerifies() throws Exception {
    byte[] body = "an agent archive".getBytes(StandardCharsets.UTF_8);
    PresignedUrl put = vault.presignUpload("submissions/1/v1.tar.gz", sha256(body), body.length, Duration.ofMinutes(5));

    assertThat(put.headers()).containsKeys("Content-Type", "x-amz-checksum-sha256");
    assertThat(send(put, body, put.headers())).isEqualTo(200);

    StoredObject stored = vault.verify("submissions/1/v1.tar.gz", sha256(body), body.length);
    assertThat(stored.sizeBytes()).isEqualTo(body.length);
  }

  @Test
  void theStoreRefusesABodyWhoseHashDiffersFromTheSignedChecksum() throws Exception {
    byte[] declared = "the declared archive".getBytes(StandardCharsets.UTF_8);
    byte[] tampered = "the tampered archive".getBytes(StandardCharsets.UTF_8);
    PresignedUrl put = vault.presignUpload("submissions/2/v1.tar.gz", sha256(declared), declared.length, Duration.ofMinutes(5));

    assertThat(send(put, tampered, put.headers())).isEqualTo(400);
    assertThat(vault.head("submissions/2/v1.tar.gz")).isEmpty();
  }

  @Test
  void theStoreRefusesAChangedChecksumHeader() throws Exception {
    byte[] declared = "archive three".getBytes(StandardCharsets.UTF_8);
    byte[] other = "archive 3 bis".getBytes(StandardCharsets.UTF_8);
    PresignedUrl put = vault.presignUpload("submissions/3/v1.tar.gz", sha256(declared), declared.length, Duration.ofMinutes(5));
    Map<String, String> headers = new java.util.TreeMap<>(put.headers());
    headers.put("x-amz-checksum-sha256", VaultService.base64Sha256(sha256(other)));

    assertThat(send(put, other, headers)).isEqualTo(403);
  }

  @Test
  void theStoreRefusesALongerBodyThanTheSignedLength() throws Exception {
    byte[] declared = "small".getBytes(StandardCharsets.UTF_8);
    byte[] bigger = "small but much bigger".getBytes(StandardCharsets.UTF_8);
    PresignedUrl put = vault.presignUpload("submissions/4/v1.tar.gz", sha256(declared), declared.length, Duration.ofMinutes(5));

    assertThat(send(put, bigger, put.headers())).isEqualTo(403);
  }

  @Test
  void anExpiredPresignedUrlIsRefusedWith403() throws Exception {
    byte[] body = "late upload".getBytes(StandardCharsets.UTF_8);
    PresignedUrl put = vault.presignUpload("submissions/5/v1.tar.gz", sha256(body), body.length, Duration.ofSeconds(1));
    Thread.sleep(2_100);

    assertThat(send(put, body, put.headers())).isEqualTo(403);
  }

  @Test
  void anExpiredPresignedGetIsRefusedWith403WhileAFreshOneWorks() throws Exception {
    byte[] body = "downloadable".getBytes(StandardCharsets.UTF_8);
    PresignedUrl put = vault.presignUpload("submissions/6/v1.tar.gz", sha256(body), body.length, Duration.ofMinutes(5));
    assertThat(send(put, body, put.headers())).isEqualTo(200);
    PresignedUrl shortLived = vault.presignDownload("submissions/6/v1.tar.gz", Duration.ofSeconds(1));
    PresignedUrl fresh = vault.presignDownload("submissions/6/v1.tar.gz", Duration.ofMinutes(5));
    Thread.sleep(2_100);

    HttpResponse<byte[]> ok = HTTP.send(HttpRequest.newBuilder(fresh.url()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    int expired = HTTP.send(HttpRequest.newBuilder(shortLived.url()).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo(body);
    assertThat(expired).isEqualTo(403);
  }

  @Test
  void verifyNamesAMissingObjectAWrongSizeAndAWrongHashWithTheirOwnCodes() throws Exception {
    byte[] body = "verified archive".getBytes(StandardCharsets.UTF_8);
    PresignedUrl put = vault.presignUpload("submissions/7/v1.tar.gz", sha256(body), body.length, Duration.ofMinutes(5));
    assertThat(send(put, body, put.headers())).isEqualTo(200);

    assertThatThrownBy(() -> vault.verify("submissions/7/none.tar.gz", sha256(body), body.length))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ARTIFACT_MISSING));
    assertThatThrownBy(() -> vault.verify("submissions/7/v1.tar.gz", sha256(body), body.length + 1))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ARTIFACT_SIZE_MISMATCH));
    assertThatThrownBy(() -> vault.verify("submissions/7/v1.tar.gz", sha256("other".getBytes()), body.length))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ARTIFACT_HASH_MISMATCH));
  }

  @Test
  void rehashingReadsTheStoredBytes() throws Exception {
    byte[] body = "rehash me".getBytes(StandardCharsets.UTF_8);
    PresignedUrl put = vault.presignUpload("submissions/8/v1.tar.gz", sha256(body), body.length, Duration.ofMinutes(5));
    assertThat(send(put, body, put.headers())).isEqualTo(200);

    assertThat(vault.rehash("submissions/8/v1.tar.gz")).isEqualTo(sha256(body));
    assertThat(vault.head("submissions/8/v1.tar.gz").map(StoredObject::sha256Hex)).isNotEqualTo(Optional.empty());
  }

  static int send(PresignedUrl put, byte[] body, Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(put.url()).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Content-Length")) {
        request.header(name, value);
      }
    });
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
