package ai.kinitro.backend.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.competition.Competition;
import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.job.AssignmentStatus;
import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.job.JobStatusEvent;
import ai.kinitro.backend.job.JobStatusEventRepository;
import ai.kinitro.backend.nonce.JdbcNonceStore;
import ai.kinitro.backend.submission.SubmissionUpload;
import ai.kinitro.backend.submission.SubmissionUploadRepository;
import ai.kinitro.backend.submission.UploadStatus;
import ai.kinitro.backend.support.BackendIntegrationTest;
import ai.kinitro.backend.support.Fixtures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The data-layer operations other features build on: nonces, upload expiry and rate windows, idempotent status events. */
class DataLayerOperationsTest extends BackendIntegrationTest {
  @Autowired JdbcClient jdbc;
  @Autowired IdGenerator ids;
  @Autowired SubmissionUploadRepository uploads;
  @Autowired JobStatusEventRepository events;

  @Test
  void aNonceIsClaimedOnceUntilItExpiresAndScopesAreSeparate() {
    JdbcNonceStore requests = new JdbcNonceStore(jdbc, JdbcNonceStore.SCOPE_SIGNED_REQUEST);
    JdbcNonceStore challenges = new JdbcNonceStore(jdbc, JdbcNonceStore.SCOPE_VALIDATOR_CHALLENGE);
    String nonce = UUID.randomUUID().toString();
    Instant later = Instant.now().plusSeconds(300);
    assertThat(List.of(requests.claim("5Hot", nonce, later), requests.claim("5Hot", nonce, later), challenges.claim("5Hot", nonce, later),
        requests.claim("5Other", nonce, later))).containsExactly(true, false, true, true);

    String expired = UUID.randomUUID().toString();
    assertThat(requests.claim("5Hot", expired, Instant.now().minusSeconds(1))).isTrue();
    assertThat(requests.claim("5Hot", expired, later)).as("an expired claim may be reused").isTrue();
  }

  @Test
  void expiredUploadsFreeTheirVersionAndLeaveTheRateWindow() {
    Competition competition = fixtures.competition(1, 0.5, 0.05);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String miner = "5Uploader" + UUID.randomUUID();
    uploads.insert(upload(competition, miner, "v1", now.minusSeconds(1), now));
    assertThat(uploads.countInWindow(miner, competition.id(), now.minusSeconds(60))).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> uploads.insert(upload(competition, miner, "v1", now.plusSeconds(600), now)))
        .isInstanceOf(DuplicateKeyException.class);

    assertThat(uploads.expireDue(now)).isGreaterThanOrEqualTo(1);

    assertThat(uploads.findLiveVersion(miner, competition.id(), "v1")).isEmpty();
    assertThat(uploads.countInWindow(miner, competition.id(), now.minusSeconds(60))).isZero();
    uploads.insert(upload(competition, miner, "v1", now.plusSeconds(600), now));
    assertThat(uploads.findLiveVersion(miner, competition.id(), "v1")).isPresent();
  }

  @Test
  void aStatusEventIsRecordedOncePerMessageId() {
    Job job = fixtures.jobs(fixtures.submission(fixtures.competition(1, 0.5, 0.05), "5EventMiner")).getFirst();
    UUID message = UUID.randomUUID();
    events.insert(new JobStatusEvent(ids.next(), job.id(), null, "5EventV", AssignmentStatus.RUNNING, null, "running", message, Instant.now()));
    assertThat(events.existsByMessageId(message)).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> events.insert(new JobStatusEvent(ids.next(), job.id(), null, "5EventV",
        AssignmentStatus.RUNNING, null, "again", message, Instant.now()))).isInstanceOf(DuplicateKeyException.class);
  }

  private SubmissionUpload upload(Competition competition, String miner, String version, Instant expiresAt, Instant now) {
    long id = ids.next();
    return new SubmissionUpload(id, miner, competition.id(), version, "submissions/" + id + "/" + version + ".tar.gz", Fixtures.SHA, 10,
        UploadStatus.PENDING, null, expiresAt, null, 300, now, now);
  }
}
