package ai.kinitro.backend.chain;

import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.job.JobService;
import ai.kinitro.backend.submission.SubmissionRepository;
import ai.kinitro.backend.realtime.RealtimePublisher;
import ai.kinitro.backend.vault.StoredObject;
import ai.kinitro.backend.vault.VaultService;
import ai.kinitro.common.chain.CommitmentData;
import ai.kinitro.common.chain.CommitmentRegistration;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.SubmissionCommitment;
import ai.kinitro.common.protocol.realtime.EventPayload;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One cycle ({@link #pollOnce()}): refresh the metagraph, read every commitment of the netuid in
 * one storage read, and turn each Kinitro commitment that names a pending upload of the same hotkey
 * and competition into a submission — after the stored archive's size and SHA-256 are verified —
 * with one job per benchmark (task seeds from the backend secret) and one assignment per connected
 * validator ({@link JobService#createJobs}). A standing commitment is seen again every cycle, so a match that failed for a
 * transient reason (archive not uploaded yet, vault down) is retried naturally.
 */
public class ChainMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(ChainMonitor.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What a cycle did (for logs, metrics and tests). */
  public record Cycle(long block, int commitments, int ingested, int malformed, int mismatched, int waitingForUpload,
      int rejected, int expired, List<Long> submissionIds) {}

  /**
   * What the monitor's cycles have shown so far, for health reporting (read-only; the cycle's
   * behaviour does not depend on it).
   *
   * @param started when the first cycle began (the reference for "no successful scan yet"; absent
   *     until then, for example while the application starts or when the loop is disabled)
   * @param lastSuccess when the last cycle completed
   * @param lastBlock the chain block that cycle read (absent before the first success)
   * @param consecutiveFailures cycles that threw since the last success
   * @param lastFailure when the last cycle threw
   * @param lastError what the last failing cycle threw (class and message), kept after a success
   */
  public record Status(Optional<Instant> started, Optional<Instant> lastSuccess, Optional<Long> lastBlock, long consecutiveFailures,
      Optional<Instant> lastFailure, Optional<String> lastError) {
    public Status {
      Objects.requireNonNull(started, "started");
      Objects.requireNonNull(lastSuccess, "lastSuccess");
      Objects.requireNonNull(lastBlock, "lastBlock");
      Objects.requireNonNull(lastFailure, "lastFailure");
      Objects.requireNonNull(lastError, "lastError");
    }
  }

  private record Upload(long id, String hotkey, long competitionId, String version, String key, String sha256, long size,
      String status, long holdoutSeconds, Instant expiresAt) {}

  private record Competition(long id, boolean active, JsonNode benchmarks) {}

  private final SubnetChain chain;
  private final SubnetMembership membership;
  private final VaultService vault;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final SubmissionRepository submissions;
  private final JobService jobs;
  private final RealtimePublisher realtime;
  private final Clock clock;
  private volatile Status status;

  public ChainMonitor(SubnetChain chain, SubnetMembership membership, VaultService vault, JdbcTemplate jdbc,
      TransactionTemplate tx, SubmissionRepository submissions, JobService jobs, RealtimePublisher realtime, Clock clock) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.membership = Objects.requireNonNull(membership, "membership");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.tx = Objects.requireNonNull(tx, "tx");
    this.submissions = Objects.requireNonNull(submissions, "submissions");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.realtime = Objects.requireNonNull(realtime, "realtime");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.status = new Status(Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty());
  }

  /** The outcome of the cycles so far (for the health of the backend). */
  public Status status() {
    return status;
  }

  /** Runs one cycle and records its outcome in {@link #status()}; a failure is rethrown unchanged. */
  public Cycle pollOnce() {
    recordStart();
    Cycle cycle;
    try {
      cycle = scan();
    } catch (RuntimeException | Error e) {
      recordFailure(e);
      throw e;
    }
    recordSuccess(cycle.block());
    return cycle;
  }

  private synchronized void recordStart() {
    Status s = status;
    if (s.started().isEmpty()) {
      status = new Status(Optional.of(clock.instant()), s.lastSuccess(), s.lastBlock(), s.consecutiveFailures(),
          s.lastFailure(), s.lastError());
    }
  }

  private synchronized void recordSuccess(long block) {
    Status s = status;
    status = new Status(s.started(), Optional.of(clock.instant()), Optional.of(block), 0, s.lastFailure(), s.lastError());
  }

  private synchronized void recordFailure(Throwable e) {
    Status s = status;
    String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    status = new Status(s.started(), s.lastSuccess(), s.lastBlock(), s.consecutiveFailures() + 1,
        Optional.of(clock.instant()), Optional.of(error));
  }

  private Cycle scan() {
    writeMetagraph(membership.refresh());
    CommitmentSnapshot snapshot = chain.commitments();
    int malformed = 0;
    Map<Long, Map.Entry<String, CommitmentRegistration>> bySubmission = new LinkedHashMap<>();
    Map<Long, SubmissionCommitment> commitments = new HashMap<>();
    for (Map.Entry<String, CommitmentRegistration> e : snapshot.byHotkey().entrySet()) {
      Optional<SubmissionCommitment> parsed = parse(e.getValue());
      if (parsed.isEmpty()) {
        malformed++;
        continue;
      }
      bySubmission.put(parsed.get().submissionId(), e);
      commitments.put(parsed.get().submissionId(), parsed.get());
    }
    int ingested = 0, mismatched = 0, waiting = 0, rejected = 0, expired = 0;
    List<Long> submissionIds = new ArrayList<>();
    Instant now = clock.instant();
    for (Upload upload : uploads(bySubmission.keySet())) {
      if (upload.status().equals("PROCESSED") || upload.status().equals("REJECTED")) {
        continue;
      }
      var entry = bySubmission.get(upload.id());
      String hotkey = entry.getKey();
      SubmissionCommitment commitment = commitments.get(upload.id());
      if (!upload.hotkey().equals(hotkey) || !Long.toString(upload.competitionId()).equals(commitment.competitionId())) {
        mismatched++;
        LOG.info("{}: commitment of {} names upload {} of {} in competition {}", ErrorCode.COMMITMENT_MISMATCH, hotkey,
            upload.id(), upload.hotkey(), upload.competitionId());
        continue;
      }
      if (upload.status().equals("EXPIRED") || !upload.expiresAt().isAfter(now)) {
        expired++;
        LOG.info("{}: upload {} of {} expired at {} before its commitment was seen", ErrorCode.UPLOAD_EXPIRED, upload.id(),
            hotkey, upload.expiresAt());
        continue;
      }
      Optional<Competition> competition = competition(upload.competitionId());
      if (competition.isEmpty() || !competition.get().active()) {
        mismatched++;
        LOG.info("{}: upload {} is for competition {}, which is not active", ErrorCode.COMPETITION_INACTIVE, upload.id(),
            upload.competitionId());
        continue;
      }
      StoredObject stored;
      try {
        stored = vault.verify(upload.key(), upload.sha256(), upload.size());
      } catch (KinitroException e) {
        switch (e.code()) {
          case ARTIFACT_MISSING -> waiting++;
          case ARTIFACT_SIZE_MISMATCH, ARTIFACT_HASH_MISMATCH -> {
            rejected++;
            reject(upload, e);
          }
          default -> throw e;
        }
        continue;
      }
      if (ingest(upload, competition.get(), entry.getValue().block(), stored)) {
        ingested++;
        submissionIds.add(upload.id());
      }
    }
    jdbc.update("UPDATE backend_state SET last_seen_block = ?, last_chain_scan = ?, updated_at = now() WHERE id = 1",
        snapshot.block(), Timestamp.from(now));
    Cycle cycle = new Cycle(snapshot.block(), snapshot.byHotkey().size(), ingested, malformed, mismatched, waiting, rejected,
        expired, List.copyOf(submissionIds));
    if (ingested > 0 || rejected > 0) {
      LOG.info("Chain cycle at block {}: {}", snapshot.block(), cycle);
    }
    return cycle;
  }

  private static Optional<SubmissionCommitment> parse(CommitmentRegistration registration) {
    if (registration.fields().isEmpty() || !(registration.fields().getFirst() instanceof CommitmentData.Raw raw)) {
      return Optional.empty();
    }
    try {
      return Optional.of(SubmissionCommitment.parse(raw.bytes()));
    } catch (KinitroException e) {
      return Optional.empty();
    }
  }

  private List<Upload> uploads(java.util.Set<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.query("""
        SELECT id, miner_hotkey, competition_id, version, artifact_object_key, artifact_sha256, artifact_size_bytes, status,
               holdout_seconds, expires_at
        FROM submission_uploads WHERE id = ANY(?) ORDER BY id""",
        (rs, i) -> new Upload(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
            rs.getString(6).strip(), rs.getLong(7), rs.getString(8), rs.getLong(9), rs.getTimestamp(10).toInstant()),
        (Object) ids.toArray(Long[]::new));
  }

  private Optional<Competition> competition(long id) {
    return jdbc.query("SELECT id, active, benchmarks::text FROM competitions WHERE id = ?",
        (rs, i) -> new Competition(rs.getLong(1), rs.getBoolean(2), JSON.readTree(rs.getString(3))), id).stream().findFirst();
  }

  private void reject(Upload upload, KinitroException e) {
    LOG.info("{}: upload {} of {} refused: {}", e.code(), upload.id(), upload.hotkey(), e.getMessage());
    jdbc.update("UPDATE submission_uploads SET status = 'REJECTED', status_detail = ?, updated_at = now() "
        + "WHERE id = ? AND status IN ('PENDING', 'UPLOADED')", e.code().name() + ": " + e.getMessage(), upload.id());
    try {
      vault.delete(upload.key());
    } catch (KinitroException ignored) {
      LOG.warn("Could not delete the refused archive {}", upload.key());
    }
  }

  private boolean ingest(Upload upload, Competition competition, long commitmentBlock, StoredObject stored) {
    Instant now = clock.instant();
    Instant releaseAt = now.plusSeconds(upload.holdoutSeconds());
    List<EventPayload> events = new ArrayList<>();
    Boolean done = tx.execute(status -> {
      int claimed = jdbc.update("UPDATE submission_uploads SET status = 'PROCESSED', uploaded_at = ?, updated_at = now() "
          + "WHERE id = ? AND status IN ('PENDING', 'UPLOADED')", Timestamp.from(stored.lastModified()), upload.id());
      if (claimed == 0) {
        return false;
      }
      jdbc.update("""
          INSERT INTO submissions (id, miner_hotkey, competition_id, version, commitment_block, artifact_object_key,
                                   artifact_sha256, artifact_size_bytes, holdout_release_at, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          upload.id(), upload.hotkey(), upload.competitionId(), upload.version(), commitmentBlock, upload.key(),
          upload.sha256(), upload.size(), Timestamp.from(releaseAt), Timestamp.from(now), Timestamp.from(now));
      events.add(new EventPayload.SubmissionReceived(upload.id(), Long.toString(upload.competitionId()), upload.hotkey(),
          upload.version(), commitmentBlock, now, releaseAt));
      // One job per benchmark, seeded task sets, one assignment per connected validator (JobService).
      for (Job job : jobs.createJobs(submissions.findById(upload.id()).orElseThrow())) {
        events.add(new EventPayload.JobCreated(job.id(), upload.id(), Long.toString(upload.competitionId()), upload.hotkey(),
            TaskPlan.wireToken(job.provider()), TaskPlan.wireToken(job.benchmarkName()), now));
      }
      realtime.publishAll(events);
      return true;
    });
    return Boolean.TRUE.equals(done);
  }

  private void writeMetagraph(List<Neuron> neurons) {
    tx.executeWithoutResult(status -> {
      jdbc.update("DELETE FROM metagraph_neurons WHERE NOT (hotkey = ANY(?))",
          (Object) neurons.stream().map(Neuron::hotkey).toArray(String[]::new));
      for (Neuron n : neurons) {
        jdbc.update("DELETE FROM metagraph_neurons WHERE hotkey = ? AND uid <> ?", n.hotkey(), n.uid());
        jdbc.update("""
            INSERT INTO metagraph_neurons (uid, hotkey, validator_permit, stake, updated_at) VALUES (?, ?, ?, ?, now())
            ON CONFLICT (uid) DO UPDATE SET hotkey = EXCLUDED.hotkey, validator_permit = EXCLUDED.validator_permit,
              stake = EXCLUDED.stake, updated_at = now()""", n.uid(), n.hotkey(), n.validatorPermit(), n.stake());
      }
    });
  }
}
