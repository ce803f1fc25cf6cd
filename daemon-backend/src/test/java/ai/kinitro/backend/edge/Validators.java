package ai.kinitro.backend.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.job.JobService;
import ai.kinitro.backend.submission.SubmissionRepository;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.protocol.validator.Register;
import ai.kinitro.common.protocol.validator.ValidatorProtocol;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Validator-side helpers shared by the channel tests: the signed handshake and a job to deliver. */
final class Validators {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private Validators() {}

  /** A validator the tests made: its key, SS58 hotkey and backend API key. */
  record Enrolled(Sr25519KeyPair key, String hotkey, String apiKey) {}

  /**
   * A fresh validator: a key derived from {@code label}, registered with a permit on {@code chain},
   * and a validator API key bound to it.
   */
  static Enrolled enrol(FakeSubnetChain chain, JdbcTemplate jdbc, IdGenerator ids, String label) {
    Sr25519KeyPair key = ai.kinitro.common.crypto.SecretUri.parse("//" + label + "//" + java.util.UUID.randomUUID());
    String hotkey = Ss58.encode(key.publicKey());
    chain.register(hotkey, true);
    String apiKey = "kin_" + label.toLowerCase(java.util.Locale.ROOT) + "_" + java.util.UUID.randomUUID();
    Fixtures.apiKey(jdbc, ids, apiKey, "validator", hotkey);
    return new Enrolled(key, hotkey, apiKey);
  }

  /** Connects to {@code /ws/validator} and completes the signed handshake; fails unless registered. */
  static WsTestClient registered(int port, Sr25519KeyPair key, String apiKey) throws InterruptedException {
    String hotkey = Ss58.encode(key.publicKey());
    WsTestClient v = WsTestClient.connect(port, "/ws/validator");
    JsonNode challenge = v.next("auth_challenge", WAIT);
    Instant now = Instant.now();
    String nonce = challenge.path("nonce").asString();
    v.send(ValidatorProtocol.validatorCodec().encode(
        Register.signed(hotkey, apiKey, nonce, now, key.sign(Register.signingPayload(nonce, hotkey, now)))));
    JsonNode ack = v.next(WAIT);
    assertThat(ack.path("type").asString()).as(ack.toString()).isEqualTo("registration_ack");
    return v;
  }

  /**
   * A committed submission of {@code miner} in {@code competition} (rows written directly; the
   * archive is never downloaded) and its jobs, created by the real {@link JobService}, which
   * assigns them to the validators connected at that moment.
   */
  static Job newJob(JdbcTemplate jdbc, IdGenerator ids, JobService jobs, SubmissionRepository submissions, long competition,
      String miner) {
    long submission = ids.next();
    jdbc.update("""
        INSERT INTO submission_uploads (id, miner_hotkey, competition_id, version, artifact_object_key, artifact_sha256,
                                        artifact_size_bytes, status, expires_at, holdout_seconds)
        VALUES (?, ?, ?, ?, ?, ?, 1, 'PROCESSED', now() + interval '1 day', 0)""",
        submission, miner, competition, "v" + submission, "submissions/" + submission + ".tar.gz", "00".repeat(32));
    jdbc.update("""
        INSERT INTO submissions (id, miner_hotkey, competition_id, version, artifact_object_key, artifact_sha256, artifact_size_bytes,
                                 commitment_block, holdout_release_at) VALUES (?, ?, ?, ?, ?, ?, 1, 1, now())""",
        submission, miner, competition, "v" + submission, "submissions/" + submission + ".tar.gz", "00".repeat(32));
    return jobs.createJobs(submissions.findById(submission).orElseThrow()).getFirst();
  }

  /** Whether a frame is the {@code eval_job} of this job. */
  static boolean evalJobOf(JsonNode frame, long jobId) {
    return frame.path("type").asString().equals("eval_job") && frame.path("job_id").asString().equals(Long.toString(jobId));
  }
}
