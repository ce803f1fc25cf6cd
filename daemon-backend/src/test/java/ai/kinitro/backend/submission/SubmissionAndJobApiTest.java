package ai.kinitro.backend.submission;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.competition.Competition;
import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.job.JobService;
import ai.kinitro.backend.support.Api.Response;
import ai.kinitro.backend.support.BackendIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class SubmissionAndJobApiTest extends BackendIntegrationTest {
  @Autowired SubmissionRepository submissions;
  @Autowired SubmissionUploadRepository uploads;
  @Autowired IdGenerator ids;

  @Test
  void aSubmissionsStatusIsDerivedFromItsAssignments() {
    fixtures.disconnectAll();
    fixtures.connect("5StatusV1", "5StatusV2");
    Competition competition = fixtures.competition(1, 0.5, 0.05);
    Submission submission = fixtures.submission(competition, "5StatusMiner");
    Job job = fixtures.jobs(submission).getFirst();

    JsonNode queued = api().get("/submissions/" + submission.id()).json();
    assertThat(queued.get("evaluation").get("status").asString()).isEqualTo("QUEUED");
    assertThat(queued.get("evaluation").get("assignments").get("QUEUED").asInt()).isEqualTo(2);

    fixtures.completed(job, "5StatusV1", 1.0, 1.0);
    fixtures.completed(job, "5StatusV2", 1.0, 1.0);
    assertThat(api().get("/submissions/" + submission.id()).json().get("evaluation").get("status").asString()).isEqualTo("COMPLETED");
    Response listed = api().get("/submissions?competition_id=" + competition.id());
    assertThat(listed.json().get("items").valueStream().map(n -> n.get("id").asString())).containsExactly(Long.toString(submission.id()));
    assertThat(listed.json().get("items").get(0).get("evaluation").get("status").asString()).isEqualTo("COMPLETED");
  }

  @Test
  void aJobShowsEachValidatorWithItsQueuePositionAndHidesSeedsDuringTheHoldout() {
    fixtures.disconnectAll();
    fixtures.connect("5QueueV1");
    Competition competition = fixtures.competition(1, 0.5, 0.05);
    Submission first = fixtures.submission(competition, "5QueueMinerA");
    fixtures.jobs(first);
    Submission held = heldSubmission(competition, "5QueueMinerB");
    Job job = fixtures.jobs(held).getFirst();

    JsonNode view = api().get("/jobs/" + job.id()).json();
    assertThat(view.get("status").asString()).isEqualTo("QUEUED");
    JsonNode assignment = view.get("validators").get(0);
    assertThat(assignment.get("validator_hotkey").asString()).isEqualTo("5QueueV1");
    assertThat(assignment.get("queue_position").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(view.get("tasks").valueStream().map(t -> t.has("seed"))).containsOnly(false);
    assertThat(view.get("tasks").valueStream().map(t -> t.get("task_id").asString())).containsExactly("classic/CartPole-v1:0", "classic/CartPole-v1:1");

    JsonNode released = api().get("/jobs?submission_id=" + first.id()).json().get("items").get(0);
    assertThat(released.get("tasks").valueStream().map(t -> t.get("seed").isString())).containsOnly(true);
  }

  @Test
  void everyValidatorOfAJobGetsTheSameSeedsAndARerunGetsNewOnes() {
    Competition competition = fixtures.competition(1, 0.5, 0.05);
    Submission submission = fixtures.submission(competition, "5RerunMiner");
    Job job = fixtures.jobs(submission).getFirst();

    Response rerun = api().post("/jobs/" + job.id() + "/rerun", null, adminKey());
    assertThat(rerun.status()).as(rerun.raw()).isEqualTo(201);
    assertThat(rerun.json().get("rerun_of").asString()).isEqualTo(Long.toString(job.id()));
    List<Long> seeds = JobService.tasksOf(job).stream().map(t -> t.seed()).toList();
    List<Long> rerunSeeds = rerun.json().get("tasks").valueStream().map(t -> Long.parseLong(t.get("seed").asString())).toList();
    assertThat(rerunSeeds).hasSameSizeAs(seeds).doesNotContainAnyElementsOf(seeds);

    Response all = api().post("/submissions/" + submission.id() + "/rerun", Map.of("benchmarks", List.of("cartpole")), adminKey());
    assertThat(all.status()).isEqualTo(201);
    assertThat(all.json().get(0).get("rerun_of").asString()).isEqualTo(rerun.json().get("id").asString());
    Response none = api().post("/submissions/" + submission.id() + "/rerun", Map.of("benchmarks", List.of("nope")), adminKey());
    assertThat(List.of(none.status(), none.json().get("error").asString())).containsExactly(422, "NOTHING_TO_RERUN");
  }

  @Test
  void theStatusHistoryOfAJobIsListedNewestFirst() {
    fixtures.disconnectAll();
    fixtures.connect("5HistoryV1");
    Job job = fixtures.jobs(fixtures.submission(fixtures.competition(1, 0.5, 0.05), "5HistoryMiner")).getFirst();
    JsonNode history = api().get("/jobs/" + job.id() + "/status").json();
    assertThat(history.get("total").asInt()).isEqualTo(1);
    assertThat(history.get("items").get(0).get("status").asString()).isEqualTo("QUEUED");
    assertThat(api().get("/job-status?job_id=" + job.id() + "&status=queued").json().get("total").asInt()).isEqualTo(1);
    assertThat(api().get("/jobs/999/status").status()).isEqualTo(404);
  }

  @Test
  void onlyReleasedSubmissionsAreRevealed() {
    Competition competition = fixtures.competition(1, 0.5, 0.05);
    Submission hidden = fixtures.submission(competition, "5RevealMiner");
    Submission shown = submissions.save(fixtures.submission(competition, "5RevealMiner2")
        .withRelease(Instant.now(), "https://vault.example/x", Instant.now().plusSeconds(3600), Instant.now()));
    Response revealed = api().get("/submissions/revealed?competition_id=" + competition.id());
    assertThat(revealed.json().get("items").valueStream().map(n -> n.get("id").asString())).containsExactly(Long.toString(shown.id()));
    assertThat(revealed.json().get("items").get(0).get("release_url").asString()).isEqualTo("https://vault.example/x");
    assertThat(api().get("/submissions/revealed/" + hidden.id()).status()).isEqualTo(404);
    assertThat(api().get("/submissions/" + hidden.id()).json().has("release_url")).isFalse();
  }

  private Submission heldSubmission(Competition competition, String miner) {
    Submission s = fixtures.submission(competition, miner);
    return submissions.save(new Submission(s.id(), s.minerHotkey(), s.competitionId(), s.version(), s.commitmentBlock(),
        s.artifactObjectKey(), s.artifactSha256(), s.artifactSizeBytes(), Instant.now().plusSeconds(3600), null, null, null,
        s.createdAt(), s.updatedAt()));
  }
}
