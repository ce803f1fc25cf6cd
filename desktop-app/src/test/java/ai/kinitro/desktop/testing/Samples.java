package ai.kinitro.desktop.testing;

import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.desktop.api.CompetitionInfo;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Values shared by desktop tests. */
public final class Samples {
  public static final String COMPETITION = "7312840000000000001";
  public static final long SUBMISSION = 7312848011234567890L;
  public static final long JOB = 7312849021437952001L;
  public static final String MINER = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
  public static final String VALIDATOR = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  public static final String VALIDATOR_2 = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
  public static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  /**
   * One benchmark in the shared definition shape ({@code BenchmarkDefinition}, as the platform's
   * demo competition and the backend use it): classic CartPole, 2 variants × 2 episodes.
   */
  public static final String BENCHMARKS = """
      [{"name":"cartpole","suite":"classic","tasks":["classic/CartPole-v1"],"variants_per_task":2,
        "episodes_per_task":2,"max_episode_steps":200,"cameras":["default"],"image_size":84}]""";

  private Samples() {}

  public static JsonNode benchmarks() {
    return TestBackend.JSON.readTree(BENCHMARKS);
  }

  public static CompetitionInfo competition() {
    return new CompetitionInfo(COMPETITION, "Classic control", "Balance a pole", benchmarks(), 100, 0, 0.05, 0.5, 300,
        Optional.of(10_000_000L), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        true, Optional.of(T0));
  }

  public static EventPayload.SubmissionReceived received(long submission) {
    return new EventPayload.SubmissionReceived(submission, COMPETITION, MINER, "v1", 5123456, T0, T0.plusSeconds(300));
  }

  public static EventPayload.JobCreated jobCreated(long job, long submission) {
    return new EventPayload.JobCreated(job, submission, COMPETITION, MINER, "classic", "cartpole", T0);
  }

  public static EventPayload.EpisodeCompleted episode(long job, long submission, int index, double reward, boolean success) {
    return new EventPayload.EpisodeCompleted(job, submission, VALIDATOR, "classic/CartPole-v1:0", index,
        "classic/CartPole-v1", success, reward, 87, T0, T0.plusSeconds(2));
  }

  public static EventPayload.JobStatusChanged running(long job) {
    return new EventPayload.JobStatusChanged(job, Optional.of(VALIDATOR), EvaluationStatus.RUNNING, Optional.empty(), T0);
  }

  public static EventPayload.EvaluationCompleted evaluated(long job, long submission, double avgReward, double success) {
    return new EventPayload.EvaluationCompleted(job, submission, VALIDATOR, MINER, COMPETITION, "cartpole",
        EvaluationStatus.COMPLETED, Optional.of(new Metrics(avgReward, success, avgReward, 4)), T0.plusSeconds(60));
  }
}
