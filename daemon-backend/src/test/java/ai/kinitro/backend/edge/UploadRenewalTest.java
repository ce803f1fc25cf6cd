package ai.kinitro.backend.edge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.chain.ChainMonitor;
import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.signing.SignedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /submissions/uploads/{id}/renew} over real HTTP with real sr25519 signatures: a fresh
 * presigned PUT into the real S3 server for the same pending upload, refused for anyone but its
 * owner, for a replay, and once the upload is no longer pending.
 */
class UploadRenewalTest extends EdgeIntegrationTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdGenerator ids;
  @Autowired ChainMonitor monitor;

  @AfterEach
  void resetClock() {
    CLOCK.reset();
  }

  private Miner miner(String name) {
    Miner miner = new Miner("//Dave//renewal-" + name, port);
    CHAIN.register(miner.hotkey(), false);
    return miner;
  }

  @Test
  void aRenewedUrlStoresTheArchiveAndTheSubmissionKeepsItsOriginalVersion() throws Exception {
    Miner dave = miner("slow-link");
    long competition = Fixtures.competition(jdbc, ids, null, null, null);
    byte[] archive = "archive on a slow link".getBytes(UTF_8);
    Miner.Response granted = dave.request(Miner.body(competition, "slow", archive));
    String id = granted.body().path("submission_id").asString();
    // The first URL (10 minutes) is long gone; 5 minutes of the pending upload's hour are left.
    CLOCK.advance(Duration.ofMinutes(55));

    Miner.Response renewed = dave.renew(id, Miner.renewalBody(archive));
    HttpResponse<String> put = Miner.put(renewed.body(), archive, Map.of());
    CHAIN.commit(dave.hotkey(), renewed.body().path("commitment").asString());
    List<Long> created = monitor.pollOnce().submissionIds();

    assertThat(renewed.status()).as(renewed.body().toString()).isEqualTo(200);
    assertThat(renewed.body().path("submission_id").asString()).isEqualTo(id);
    assertThat(renewed.body().path("commitment").asString()).isEqualTo(granted.body().path("commitment").asString());
    assertThat(renewed.body().path("object_key").asString()).isEqualTo(granted.body().path("object_key").asString());
    assertThat(renewed.body().path("upload_expires_at").asString())
        .isEqualTo(granted.body().path("upload_expires_at").asString());
    java.util.regex.Matcher expires = java.util.regex.Pattern.compile("X-Amz-Expires=(\\d+)")
        .matcher(renewed.body().path("upload_url").asString());
    assertThat(expires.find()).isTrue();
    assertThat(Integer.parseInt(expires.group(1)))
        .as("the new URL lives only as long as the pending upload (5 minutes left), not the full 10")
        .isBetween(290, 300);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(created).containsExactly(Long.parseLong(id));
    assertThat(jdbc.queryForMap("SELECT version, miner_hotkey FROM submissions WHERE id = ?", Long.parseLong(id)))
        .isEqualTo(Map.of("version", "slow", "miner_hotkey", dave.hotkey()));
    assertThat(jdbc.queryForList("SELECT version FROM submission_uploads WHERE miner_hotkey = ?", String.class,
        dave.hotkey())).as("no stray upload under a derived version").containsExactly("slow");
    assertThat(jdbc.queryForObject("SELECT renewal_count FROM submission_uploads WHERE id = ?", Integer.class,
        Long.parseLong(id))).isEqualTo(1);
  }

  @Test
  void aRenewalSignedByAnotherHotkeyIsRefusedWithUploadNotOwned() throws Exception {
    Miner dave = miner("owner");
    Miner eve = miner("intruder");
    long competition = Fixtures.competition(jdbc, ids, null, null, null);
    byte[] archive = "dave's archive".getBytes(UTF_8);
    String id = dave.request(Miner.body(competition, "mine", archive)).body().path("submission_id").asString();

    Miner.Response refused = eve.renew(id, Miner.renewalBody(archive));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.code()).isEqualTo(ErrorCode.UPLOAD_NOT_OWNED.number());
    assertThat(jdbc.queryForObject("SELECT renewal_count FROM submission_uploads WHERE id = ?", Integer.class,
        Long.parseLong(id))).isZero();
  }

  @Test
  void aReplayedRenewalSignatureIsRefusedWithNonceReused() throws Exception {
    Miner dave = miner("replay");
    long competition = Fixtures.competition(jdbc, ids, null, null, null);
    byte[] archive = "replayed renewal".getBytes(UTF_8);
    String id = dave.request(Miner.body(competition, "replay", archive)).body().path("submission_id").asString();
    String body = Miner.renewalBody(archive);
    SignedRequest signed = dave.signRenewal(id, body);

    Miner.Response first = dave.sendRenewal(id, body, signed);
    Miner.Response replay = dave.sendRenewal(id, body, signed);

    assertThat(first.status()).isEqualTo(200);
    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.code()).isEqualTo(ErrorCode.NONCE_REUSED.number());
  }

  @Test
  void anUploadRequestSignatureDoesNotPassForARenewal() throws Exception {
    Miner dave = miner("domain");
    long competition = Fixtures.competition(jdbc, ids, null, null, null);
    byte[] archive = "domain separated".getBytes(UTF_8);
    String id = dave.request(Miner.body(competition, "domain", archive)).body().path("submission_id").asString();
    String body = Miner.renewalBody(archive);
    SignedRequest wrongDomain = dave.signer.sign("kinitro/submission-upload", "POST", Miner.renewalPath(id),
        body.getBytes(UTF_8));

    Miner.Response refused = dave.sendRenewal(id, body, wrongDomain);

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.code()).isEqualTo(ErrorCode.BAD_DOMAIN.number());
  }

  @Test
  void aCompletedUploadCannotBeRenewed() throws Exception {
    Miner dave = miner("completed");
    long competition = Fixtures.competition(jdbc, ids, null, null, null);
    byte[] archive = "already committed".getBytes(UTF_8);
    Miner.Response granted = dave.request(Miner.body(competition, "done", archive));
    String id = granted.body().path("submission_id").asString();
    assertThat(Miner.put(granted.body(), archive, Map.of()).statusCode()).isEqualTo(200);
    CHAIN.commit(dave.hotkey(), granted.body().path("commitment").asString());
    assertThat(monitor.pollOnce().submissionIds()).containsExactly(Long.parseLong(id));

    Miner.Response refused = dave.renew(id, Miner.renewalBody(archive));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.code()).isEqualTo(ErrorCode.UPLOAD_NOT_PENDING.number());
  }

  @Test
  void renewalsDoNotUseTheUploadRate() throws Exception {
    Miner dave = miner("rate");
    long competition = Fixtures.competition(jdbc, ids, null, 3600L, 2);
    byte[] archive = "rate limited archive".getBytes(UTF_8);
    String id = dave.request(Miner.body(competition, "a", archive)).body().path("submission_id").asString();
    int[] renewals = new int[3];
    for (int i = 0; i < renewals.length; i++) {
      renewals[i] = dave.renew(id, Miner.renewalBody(archive)).status();
    }

    Miner.Response second = dave.request(Miner.body(competition, "b", archive));
    Miner.Response third = dave.request(Miner.body(competition, "c", archive));

    assertThat(renewals).containsExactly(200, 200, 200);
    assertThat(second.status()).as("three renewals left the second slot free").isEqualTo(201);
    assertThat(third.status()).as("the window still counts requests").isEqualTo(429);
    assertThat(third.code()).isEqualTo(ErrorCode.UPLOAD_RATE_LIMITED.number());
  }

  @Test
  void anExpiredUnknownOrDifferentUploadHasItsOwnCode() throws Exception {
    Miner dave = miner("refusals");
    long competition = Fixtures.competition(jdbc, ids, null, null, null);
    byte[] archive = "expires uncommitted".getBytes(UTF_8);
    Miner.Response granted = dave.request(Miner.body(competition, "late", archive));
    String id = granted.body().path("submission_id").asString();

    Miner.Response otherArchive = dave.renew(id, Miner.renewalBody("ab".repeat(32), archive.length));
    Miner.Response unknown = dave.renew("999999999", Miner.renewalBody(archive));
    CLOCK.advance(Duration.between(Instant.now(), Instant.parse(granted.body().path("upload_expires_at").asString()))
        .plusSeconds(1));
    Miner.Response pastTtl = dave.renew(id, Miner.renewalBody(archive));

    assertThat(otherArchive.status()).isEqualTo(409);
    assertThat(otherArchive.code()).isEqualTo(ErrorCode.UPLOAD_RENEWAL_MISMATCH.number());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo(ErrorCode.UPLOAD_NOT_FOUND.number());
    assertThat(pastTtl.status()).as("expired even before the reaper ran").isEqualTo(410);
    assertThat(pastTtl.code()).isEqualTo(ErrorCode.UPLOAD_EXPIRED.number());
  }
}
