package ai.kinitro.validator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.validator.AckOutcome;
import ai.kinitro.common.protocol.validator.Artifact;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.common.protocol.validator.ValidatorMessage;
import ai.kinitro.common.protocol.validator.ValidatorProtocol;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.job.ClaimedJob;
import ai.kinitro.queue.job.JobQueue;
import ai.kinitro.queue.job.QueueStats;
import ai.kinitro.queue.outbox.Outbox;
import ai.kinitro.testsupport.postgres.WithPostgres;
import ai.kinitro.validator.database.TestMigrations;
import ai.kinitro.validator.testing.Messages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The backend re-sends a job (a redelivery after a reconnect, or the same job with a renewed
 * presigned artifact URL under a new message id): the validator keeps one queue entry and one
 * QUEUED report, and the evaluator that claims the job gets the freshest URL.
 */
@WithPostgres
class JobIntakeTest {
  private static final String QUEUE = "evaluation";
  private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), 1.0);

  private final DataSource dataSource;
  private final ProtocolCodec<ValidatorMessage> codec = ValidatorProtocol.validatorCodec();
  private final JobQueue queue;
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final JobIntake intake;

  JobIntakeTest(DataSource dataSource) throws SQLException {
    this.dataSource = dataSource;
    TestMigrations.migrate(dataSource);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE kq_job, kq_outbox");
    }
    queue = new JobQueue(dataSource, Clock.systemUTC(), RETRY);
    intake = new JobIntake(dataSource, queue, new Outbox(dataSource, Clock.systemUTC(), RETRY), codec, Clock.systemUTC(),
        QUEUE, "backend", 3, metrics);
  }

  /** The same job under a new message id, downloadable through {@code url} until {@code expiresAt}. */
  private static EvalJob resent(EvalJob job, String url, Instant expiresAt) {
    return new EvalJob(UUID.randomUUID(), job.jobId(), job.submissionId(), job.competitionId(), job.minerHotkey(),
        job.benchmark(), new Artifact(URI.create(url), expiresAt, job.artifact().sha256(), job.artifact().sizeBytes()),
        job.deadline(), job.createdAt());
  }

  /** {@code job} as first stored, with only the artifact URL and expiry of {@code from}. */
  private static EvalJob withArtifactOf(EvalJob job, EvalJob from) {
    return new EvalJob(job.messageId(), job.jobId(), job.submissionId(), job.competitionId(), job.minerHotkey(),
        job.benchmark(), from.artifact(), job.deadline(), job.createdAt());
  }

  private EvalJob decode(String payload) {
    return (EvalJob) ((DecodeResult.Decoded<ValidatorMessage>) codec.decode(payload)).message();
  }

  private EvalJob claimOne() {
    List<ClaimedJob> claimed = queue.claim(QUEUE, "evaluator-1", 10);
    assertThat(claimed).hasSize(1);
    return decode(claimed.getFirst().payload());
  }

  private String storedPayload(long jobId) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT payload FROM kq_job WHERE job_id = '" + jobId + "'")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  private List<String> outboxKinds() throws SQLException {
    List<String> kinds = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT kind FROM kq_outbox ORDER BY seq")) {
      while (rs.next()) {
        kinds.add(rs.getString(1));
      }
    }
    return kinds;
  }

  private Map<String, Double> received() {
    Map<String, Double> counts = new TreeMap<>();
    metrics.find(JobIntake.RECEIVED).counters().forEach(c -> counts.put(c.getId().getTag("outcome"), c.count()));
    return counts;
  }

  @Test
  void aWaitingJobResentWithARenewedUrlIsClaimedWithTheNewUrlFromOneQueueEntryAndOneQueuedReport() throws Exception {
    EvalJob first = Messages.evalJob(7312849021437952101L);
    EvalJob renewed = resent(first, "https://vault.example.com/a.tar.gz?sig=renewed",
        first.artifact().expiresAt().plus(Duration.ofHours(6)));

    assertThat(intake.store(first)).isEqualTo(AckOutcome.STORED);
    assertThat(intake.store(renewed)).isEqualTo(AckOutcome.STORED);

    QueueStats stats = queue.stats(QUEUE);
    assertThat(List.of(stats.ready(), stats.running(), stats.parked())).containsExactly(1L, 0L, 0L);
    assertThat(outboxKinds()).containsExactly("job_status_update");
    assertThat(received()).isEqualTo(Map.of("stored", 1.0, "refreshed", 1.0));
    assertThat(claimOne()).isEqualTo(withArtifactOf(first, renewed));
  }

  @Test
  void aRunningJobGetsTheRenewedUrlForItsNextAttemptWithoutLosingItsClaim() throws Exception {
    EvalJob first = Messages.evalJob(7312849021437952102L);
    intake.store(first);
    ClaimedJob running = queue.claim(QUEUE, "evaluator-1", 1).getFirst();
    EvalJob renewed = resent(first, "https://vault.example.com/a.tar.gz?sig=renewed",
        first.artifact().expiresAt().plus(Duration.ofHours(1)));

    assertThat(intake.store(renewed)).isEqualTo(AckOutcome.STORED);
    queue.fail(running, "the artifact URL had expired", true);
    Thread.sleep(5);

    EvalJob retried = claimOne();
    assertThat(retried).isEqualTo(withArtifactOf(first, renewed));
    assertThat(queue.find(QUEUE, Long.toString(first.jobId())).orElseThrow().attempts()).isEqualTo(2);
    assertThat(outboxKinds()).containsExactly("job_status_update");
  }

  @Test
  void aRedeliveryOrAnOlderCopyChangesNothing() throws Exception {
    EvalJob first = Messages.evalJob(7312849021437952103L);
    intake.store(first);
    String before = storedPayload(first.jobId());
    EvalJob older = resent(first, "https://vault.example.com/a.tar.gz?sig=older",
        first.artifact().expiresAt().minus(Duration.ofHours(1)));

    assertThat(intake.store(first)).isEqualTo(AckOutcome.DUPLICATE);
    assertThat(intake.store(older)).isEqualTo(AckOutcome.DUPLICATE);

    assertThat(storedPayload(first.jobId())).isEqualTo(before);
    assertThat(received()).isEqualTo(Map.of("stored", 1.0, "duplicate", 2.0));
    assertThat(outboxKinds()).containsExactly("job_status_update");
  }

  @Test
  void aFinishedJobIsNotTouchedByARenewedUrl() throws Exception {
    EvalJob first = Messages.evalJob(7312849021437952104L);
    intake.store(first);
    queue.complete(queue.claim(QUEUE, "evaluator-1", 1).getFirst());
    String before = storedPayload(first.jobId());

    AckOutcome outcome = intake.store(resent(first, "https://vault.example.com/a.tar.gz?sig=renewed",
        first.artifact().expiresAt().plus(Duration.ofHours(6))));

    assertThat(outcome).isEqualTo(AckOutcome.DUPLICATE);
    assertThat(storedPayload(first.jobId())).isEqualTo(before);
    assertThat(queue.claim(QUEUE, "evaluator-1", 10)).isEmpty();
  }

  @Test
  void aCopyNamingAnotherArchiveDoesNotReplaceTheHeldOne() throws Exception {
    EvalJob first = Messages.evalJob(7312849021437952105L);
    intake.store(first);
    Artifact other = new Artifact(URI.create("https://vault.example.com/other.tar.gz"),
        first.artifact().expiresAt().plus(Duration.ofHours(6)), "a".repeat(64), 2048);
    EvalJob impostor = new EvalJob(UUID.randomUUID(), first.jobId(), first.submissionId(), first.competitionId(),
        first.minerHotkey(), first.benchmark(), other, first.deadline(), first.createdAt());

    assertThat(intake.store(impostor)).isEqualTo(AckOutcome.DUPLICATE);

    assertThat(claimOne()).isEqualTo(first);
    assertThat(received()).isEqualTo(Map.of("stored", 1.0, "duplicate", 1.0));
  }
}
