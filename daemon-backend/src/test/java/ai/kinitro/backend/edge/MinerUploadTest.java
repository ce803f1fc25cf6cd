package ai.kinitro.backend.edge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.upload.UploadService;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.signing.SignedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A miner's upload over real HTTP, with a real sr25519 signature, through a presigned PUT into a real S3 server. */
class MinerUploadTest extends EdgeIntegrationTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdGenerator ids;
  @Autowired UploadService uploads;

  Miner dave;
  long competition;

  @BeforeEach
  void setUp() {
    dave = new Miner("//Dave", port);
    CHAIN.register(dave.hotkey(), false);
    competition = Fixtures.competition(jdbc, ids, 1_000L, 3600L, 3);
  }

  @AfterEach
  void resetClock() {
    CLOCK.reset();
  }

  @Test
  void aSignedRequestGetsAPresignedPutThatStoresTheArchive() throws Exception {
    byte[] archive = "agent archive v1".getBytes(UTF_8);

    Miner.Response granted = dave.request(Miner.body(competition, "v1", archive));
    HttpResponse<String> put = Miner.put(granted.body(), archive, Map.of());

    assertThat(granted.status()).isEqualTo(201);
    assertThat(granted.body().path("commitment").asString())
        .isEqualTo("k1:" + competition + ":" + granted.body().path("submission_id").asString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(jdbc.queryForObject("SELECT status FROM submission_uploads WHERE id = ?", String.class,
        Long.parseLong(granted.body().path("submission_id").asString()))).isEqualTo("PENDING");
  }

  @Test
  void aReplayedSignatureIsRefusedWithNonceReused() throws Exception {
    String body = Miner.body(competition, "replayed", "ab".repeat(32), 10);
    SignedRequest signed = dave.sign(body);

    Miner.Response first = dave.send(body, signed);
    Miner.Response replay = dave.send(body, signed);

    assertThat(first.status()).isEqualTo(201);
    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.code()).isEqualTo(ErrorCode.NONCE_REUSED.number());
  }

  @Test
  void aTamperedBodyIsRefusedByTheStoreWithBadDigest() throws Exception {
    byte[] declared = "the declared archive".getBytes(UTF_8);
    byte[] tampered = "the tampered archive".getBytes(UTF_8);
    Miner.Response granted = dave.request(Miner.body(competition, "tampered", declared));

    HttpResponse<String> put = Miner.put(granted.body(), tampered, Map.of());

    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(put.body()).contains("<Code>BadDigest</Code>");
  }

  @Test
  void aWrongHashHeaderIsRefusedByTheStoreWithSignatureDoesNotMatch() throws Exception {
    byte[] declared = "declared".getBytes(UTF_8);
    byte[] other = "otherbts".getBytes(UTF_8);
    Miner.Response granted = dave.request(Miner.body(competition, "wronghash", declared));

    HttpResponse<String> put = Miner.put(granted.body(), other,
        Map.of("x-amz-checksum-sha256", ai.kinitro.backend.vault.VaultService.base64Sha256(Miner.sha256(other))));

    assertThat(put.statusCode()).isEqualTo(403);
    assertThat(put.body()).contains("<Code>SignatureDoesNotMatch</Code>");
  }

  @Test
  void anOversizedObjectIsRefusedAtRequestTimeAndByTheStore() throws Exception {
    Miner.Response tooLarge = dave.request(Miner.body(competition, "huge", "cd".repeat(32), 1_001));
    byte[] declared = "small".getBytes(UTF_8);
    Miner.Response granted = dave.request(Miner.body(competition, "grown", declared));
    HttpResponse<String> put = Miner.put(granted.body(), "small but grown after signing".getBytes(UTF_8), Map.of());

    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.code()).isEqualTo(ErrorCode.ARTIFACT_TOO_LARGE.number());
    assertThat(put.statusCode()).isEqualTo(403);
  }

  @Test
  void anExpiredUploadUrlIsRefusedWith403() throws Exception {
    byte[] archive = "late".getBytes(UTF_8);
    Miner.Response granted = dave.request(Miner.body(competition, "late", archive));
    String url = granted.body().path("upload_url").asString();
    String shortened = url.replaceFirst("X-Amz-Expires=\\d+", "X-Amz-Expires=1");
    Thread.sleep(2_100);

    HttpResponse<String> put = Miner.put(
        ((tools.jackson.databind.node.ObjectNode) granted.body().deepCopy()).put("upload_url", shortened), archive, Map.of());
    HttpResponse<String> original = Miner.put(granted.body(), archive, Map.of());

    assertThat(put.statusCode()).as("a URL whose expiry was edited no longer verifies").isEqualTo(403);
    assertThat(original.statusCode()).as("the untouched URL is still valid").isEqualTo(200);
  }

  @Test
  void anUnregisteredHotkeyIsRefused() throws Exception {
    Miner stranger = new Miner("//Ferdie//stranger", port);

    Miner.Response refused = stranger.request(Miner.body(competition, "v1", "ef".repeat(32), 10));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.code()).isEqualTo(ErrorCode.HOTKEY_NOT_REGISTERED.number());
  }

  @Test
  void aTakenVersionIsRefusedUntilItsUploadExpires() throws Exception {
    String sha = "12".repeat(32);
    Miner.Response first = dave.request(Miner.body(competition, "same", sha, 10));
    Miner.Response again = dave.request(Miner.body(competition, "same", sha, 10));
    CLOCK.advance(Duration.ofHours(2));
    int expired = uploads.expirePending();
    Miner.Response afterExpiry = dave.request(Miner.body(competition, "same", sha, 10));

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.code()).isEqualTo(ErrorCode.VERSION_ALREADY_SUBMITTED.number());
    assertThat(expired).isGreaterThanOrEqualTo(1);
    assertThat(afterExpiry.status()).as(afterExpiry.body().toString()).isEqualTo(201);
  }

  @Test
  void theUploadRateWindowCountsLiveUploadsButNotExpiredOnes() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(dave.request(Miner.body(competition, "r" + i, "34".repeat(32), 10)).status()).isEqualTo(201);
    }
    Miner.Response fourth = dave.request(Miner.body(competition, "r3", "34".repeat(32), 10));
    jdbc.update("UPDATE submission_uploads SET status = 'EXPIRED' WHERE competition_id = ? AND version = 'r0'", competition);
    Miner.Response afterOneExpired = dave.request(Miner.body(competition, "r4", "34".repeat(32), 10));

    assertThat(fourth.status()).isEqualTo(429);
    assertThat(fourth.code()).isEqualTo(ErrorCode.UPLOAD_RATE_LIMITED.number());
    assertThat(afterOneExpired.status()).isEqualTo(201);
  }

  @Test
  void anUnknownCompetitionAndABadBodyHaveTheirOwnCodes() throws Exception {
    Miner.Response unknown = dave.request(Miner.body(999_999L, "v1", "56".repeat(32), 10));
    Miner.Response badHash = dave.request(Miner.body(competition, "v1", "not-a-hash", 10));

    assertThat(unknown.code()).isEqualTo(ErrorCode.COMPETITION_NOT_FOUND.number());
    assertThat(badHash.status()).isEqualTo(400);
    assertThat(badHash.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT.number());
  }
}
