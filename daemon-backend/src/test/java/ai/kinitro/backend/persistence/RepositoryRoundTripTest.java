package ai.kinitro.backend.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.apikey.ApiKey;
import ai.kinitro.backend.apikey.ApiKeyRepository;
import ai.kinitro.backend.apikey.ApiKeyRole;
import ai.kinitro.backend.competition.Competition;
import ai.kinitro.backend.competition.CompetitionRepository;
import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.job.AssignmentStatus;
import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.job.JobAssignment;
import ai.kinitro.backend.job.JobAssignmentRepository;
import ai.kinitro.backend.job.JobRepository;
import ai.kinitro.backend.leader.LeaderCandidate;
import ai.kinitro.backend.leader.LeaderCandidateRepository;
import ai.kinitro.backend.submission.Submission;
import ai.kinitro.backend.submission.SubmissionRepository;
import ai.kinitro.backend.submission.SubmissionUpload;
import ai.kinitro.backend.submission.SubmissionUploadRepository;
import ai.kinitro.backend.submission.UploadStatus;
import ai.kinitro.backend.support.BackendIntegrationTest;
import ai.kinitro.backend.validator.Validator;
import ai.kinitro.backend.validator.ValidatorRepository;
import ai.kinitro.common.protocol.realtime.CandidateStatus;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RepositoryRoundTripTest extends BackendIntegrationTest {
  private static final BenchmarkDefinition CARTPOLE =
      new BenchmarkDefinition("cartpole", "classic", java.util.List.of("classic/CartPole-v1"), 1, 1, 100, java.util.List.of("default"), 84);

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
  private static final String SHA = "ab".repeat(32);

  @Autowired IdGenerator ids;
  @Autowired CompetitionRepository competitions;
  @Autowired ApiKeyRepository apiKeys;
  @Autowired SubmissionUploadRepository uploads;
  @Autowired SubmissionRepository submissions;
  @Autowired JobRepository jobs;
  @Autowired JobAssignmentRepository assignments;
  @Autowired ValidatorRepository validators;
  @Autowired LeaderCandidateRepository candidates;

  @Test
  void aCompetitionWithJsonBenchmarksIsStoredAndReadBackUnchanged() {
    Competition competition = competition("round-trip " + UUID.randomUUID());
    competitions.insert(competition);
    Competition read = competitions.findById(competition.id()).orElseThrow();
    assertThat(read).usingRecursiveComparison().ignoringFields("benchmarks").isEqualTo(competition);
    assertThat(read.benchmarks().tree()).isEqualTo(competition.benchmarks().tree());
  }

  @Test
  void anApiKeyKeepsItsLowerCaseRoleAndTouchIsCoarse() {
    ApiKey key = new ApiKey(ids.next(), "k", null, java.util.HexFormat.of().formatHex(ai.kinitro.common.crypto.Hashing.sha256(Long.toString(ids.next()).getBytes(java.nio.charset.StandardCharsets.UTF_8))),
        "kin_abcd", ApiKeyRole.VALIDATOR, null, true, null, null, NOW, NOW);
    apiKeys.insert(key);
    assertThat(apiKeys.findByKeyHash(key.keyHash())).contains(key);
    assertThat(apiKeys.touch(key.id(), NOW, NOW.minusSeconds(60))).isEqualTo(1);
    assertThat(apiKeys.touch(key.id(), NOW.plusSeconds(30), NOW.minusSeconds(30))).isZero();
  }

  @Test
  void theDataChainFromUploadToCandidateRoundTrips() {
    Competition competition = competitions.insert(competition("chain " + UUID.randomUUID()));
    String hotkey = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    long id = ids.next();
    SubmissionUpload upload = uploads.insert(new SubmissionUpload(id, hotkey, competition.id(), "v1", "submissions/" + id + "/v1.tar.gz",
        SHA, 10, UploadStatus.PROCESSED, null, NOW.plusSeconds(600), NOW, 300, NOW, NOW));
    assertThat(uploads.findLiveVersion(hotkey, competition.id(), "v1")).contains(upload);
    Submission submission = submissions.insert(new Submission(id, hotkey, competition.id(), "v1", 12L, upload.artifactObjectKey(),
        SHA, 10, NOW.plusSeconds(300), null, null, null, NOW, NOW));
    Job job = jobs.insert(new Job(ids.next(), submission.id(), competition.id(), hotkey, "classic", "cartpole",
        Jsonb.of(CARTPOLE), Jsonb.of(java.util.List.of(java.util.Map.of("task_id", "classic/CartPole-v1:0", "env_name", "classic/CartPole-v1", "seed", "7"))),
        null, NOW, NOW));
    Validator validator = validators.findById("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")
        .orElseGet(() -> validators.insert(Validator.firstSeen("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", null, NOW)));
    JobAssignment assignment = assignments.insert(JobAssignment.queued(ids.next(), job.id(), validator.hotkey(), 6, NOW));
    assertThat(assignments.findOpenByValidator(validator.hotkey())).extracting(JobAssignment::id).contains(assignment.id());
    assertThat(assignments.findById(assignment.id()).orElseThrow().status()).isEqualTo(AssignmentStatus.QUEUED);
    LeaderCandidate candidate = candidates.insert(new LeaderCandidate(ids.next(), competition.id(), submission.id(), hotkey, 1.5, 1.0,
        1.5, 6, 1, CandidateStatus.PENDING, null, null, null, NOW, NOW));
    assertThat(candidates.findById(candidate.id())).contains(candidate);
  }

  private Competition competition(String name) {
    return new Competition(ids.next(), name, "", Jsonb.of(java.util.List.of(CARTPOLE)), 10, 0, 0.05, 1.0, 300,
        null, 3600L, 5, null, null, null, null, true, null, null, NOW, NOW);
  }
}
