package ai.kinitro.evaluator.logs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.ErrorDetail;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.common.protocol.validator.LogArtifact;
import ai.kinitro.common.protocol.validator.TaskResult;
import ai.kinitro.common.protocol.validator.Timings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LogBundlesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:00Z");
  private static final Instant STARTED = Instant.parse("2026-03-01T12:00:05Z");
  private static final Instant FINISHED = Instant.parse("2026-03-01T12:10:40Z");
  private static final Instant UPLOADED = Instant.parse("2026-03-01T12:10:41Z");

  /** Our own port, recording what it was given. */
  private static final class RecordingStore implements LogBundleStore {
    final List<String> keys = new ArrayList<>();
    final List<byte[]> bodies = new ArrayList<>();

    @Override
    public LogArtifact put(String key, byte[] json) {
      keys.add(key);
      bodies.add(json);
      return new LogArtifact("validator-bucket", key, UPLOADED, Optional.empty());
    }
  }

  private static LogBundle failedBundle(List<String> output) {
    return new LogBundle(LogBundle.SCHEMA_VERSION, FINISHED, 7312849021437952001L, 7312848011234567890L, "competition-1",
        "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", new LogBundle.Benchmark("classic", "classic-control"), 3, 3,
        EvaluationStatus.FAILED, Optional.of(ErrorDetail.of(ErrorCode.AGENT_CRASHED, "The agent exited with status 139")),
        Optional.of(new Metrics(0.5, 0.5, 12.25, 2)), List.of(new TaskResult("cartpole_0", 2, 1, 1, 12.25, 11.5)),
        new Timings(RECEIVED, Optional.of(STARTED), FINISHED),
        Optional.of(new LogBundle.Agent(Optional.of("policy-agent"), "sandbox")), LogBundle.AgentOutput.of(output));
  }

  @Test
  void aBundleIsStoredUnderItsSubmissionJobAndAttemptAsSnakeCaseJsonWithEveryPart() {
    RecordingStore store = new RecordingStore();
    LogBundles bundles = new LogBundles(Optional.of(store));

    Optional<LogArtifact> artifact = bundles.store(failedBundle(List.of("step 1", "Segmentation fault")));

    String key = "evaluation-logs/7312848011234567890/7312849021437952001/attempt-3.json";
    assertThat(artifact).contains(new LogArtifact("validator-bucket", key, UPLOADED, Optional.empty()));
    assertThat(store.keys).containsExactly(key);
    JsonNode expected = JSON.readTree("""
        {"schema_version": 1, "generated_at": "2026-03-01T12:10:40Z",
         "job_id": "7312849021437952001", "submission_id": "7312848011234567890",
         "competition_id": "competition-1", "miner_hotkey": "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
         "benchmark": {"provider": "classic", "benchmark_name": "classic-control"},
         "attempt": 3, "max_attempts": 3, "status": "FAILED",
         "error": {"code": %d, "name": "AGENT_CRASHED", "message": "The agent exited with status 139"},
         "metrics": {"score": 0.5, "success_rate": 0.5, "avg_reward": 12.25, "total_episodes": 2},
         "tasks": [{"task_id": "cartpole_0", "episodes": 2, "successes": 1, "errored_episodes": 1,
                    "mean_reward": 12.25, "mean_steps": 11.5}],
         "timings": {"received_at": "2026-03-01T12:00:00Z", "started_at": "2026-03-01T12:00:05Z",
                     "finished_at": "2026-03-01T12:10:40Z"},
         "agent": {"name": "policy-agent", "isolation": "sandbox"},
         "agent_output": {"lines": ["step 1", "Segmentation fault"], "truncated": false}}
        """.formatted(ErrorCode.AGENT_CRASHED.number()));
    assertThat(JSON.readTree(store.bodies.getFirst())).isEqualTo(expected);
    assertThat(bundles.stored()).isEqualTo(1);
    assertThat(bundles.failures()).isZero();
  }

  @Test
  void partsThatAreNotKnownAreLeftOutOfTheJson() {
    RecordingStore store = new RecordingStore();
    LogBundle b = failedBundle(List.of());
    LogBundle timeout = new LogBundle(b.schemaVersion(), b.generatedAt(), b.jobId(), b.submissionId(), b.competitionId(),
        b.minerHotkey(), b.benchmark(), 1, 3, EvaluationStatus.TIMEOUT,
        Optional.of(ErrorDetail.of(ErrorCode.JOB_DEADLINE_EXCEEDED, "too late")), Optional.empty(), List.of(),
        new Timings(RECEIVED, Optional.empty(), RECEIVED), Optional.empty(), LogBundle.AgentOutput.NONE);

    new LogBundles(Optional.of(store)).store(timeout);

    JsonNode json = JSON.readTree(store.bodies.getFirst());
    assertThat(json.propertyNames()).containsExactly("schema_version", "generated_at", "job_id", "submission_id",
        "competition_id", "miner_hotkey", "benchmark", "attempt", "max_attempts", "status", "error", "tasks", "timings",
        "agent_output");
    assertThat(json.get("timings")).isEqualTo(JSON.readTree(
        "{\"received_at\": \"2026-03-01T12:00:00Z\", \"finished_at\": \"2026-03-01T12:00:00Z\"}"));
    assertThat(json.get("agent_output")).isEqualTo(JSON.readTree("{\"lines\": [], \"truncated\": false}"));
  }

  @Test
  void theAgentOutputKeepsTheNewestFiveThousandLinesAndSaysOlderOnesWereLeftOut() {
    List<String> output = IntStream.rangeClosed(1, 5_001).mapToObj(i -> "line " + i).toList();

    LogBundle.AgentOutput kept = LogBundle.AgentOutput.of(output);

    assertThat(kept).isEqualTo(new LogBundle.AgentOutput(output.subList(1, 5_001), true));
  }

  @Test
  void exactlyFiveThousandLinesAreKeptWhole() {
    List<String> output = IntStream.rangeClosed(1, 5_000).mapToObj(i -> "line " + i).toList();

    assertThat(LogBundle.AgentOutput.of(output)).isEqualTo(new LogBundle.AgentOutput(output, false));
  }

  @Test
  void theAgentOutputStaysWithinOneMebibyteOfUtf8KeepingTheNewestLines() {
    // 200 two-byte characters: 400 bytes plus a line end per line; 5,000 lines would be about 2 MB.
    List<String> output = IntStream.range(0, 5_000).mapToObj(i -> String.format("%05d", i) + "é".repeat(200)).toList();

    LogBundle.AgentOutput kept = LogBundle.AgentOutput.of(output);

    int perLine = 5 + 400 + 1;
    int fitting = LogBundle.AgentOutput.MAX_BYTES / perLine;
    assertThat(kept).isEqualTo(new LogBundle.AgentOutput(output.subList(5_000 - fitting, 5_000), true));
    assertThat(kept.lines().stream().mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length + 1).sum())
        .isLessThanOrEqualTo(LogBundle.AgentOutput.MAX_BYTES);
  }

  @Test
  void aNewestLineLongerThanTheBoundKeepsItsEndWithoutSplittingACharacter() {
    LogBundle.AgentOutput kept = LogBundle.AgentOutput.of(List.of("older", "ab" + "€".repeat(10)), 10, 20);

    // 20 bytes: "..." (3) + five 3-byte characters (15), and the line end.
    assertThat(kept).isEqualTo(new LogBundle.AgentOutput(List.of("..." + "€".repeat(5)), true));
  }

  @Test
  void aStoreThatFailsGivesNoReferenceAndIsCounted() {
    LogBundles bundles = new LogBundles(Optional.of((key, json) -> {
      throw new KinitroException(ErrorCode.LOG_BUNDLE_UPLOAD_FAILED, "Could not store log bundle " + key);
    }));

    Optional<LogArtifact> artifact = bundles.store(failedBundle(List.of("out")));

    assertThat(artifact).isEmpty();
    assertThat(bundles.failures()).isEqualTo(1);
    assertThat(bundles.stored()).isZero();
  }

  @Test
  void aStoreThatBreaksUnexpectedlyGivesNoReferenceEither() {
    LogBundles bundles = new LogBundles(Optional.of((key, json) -> {
      throw new IllegalStateException("connection pool shut down");
    }));

    assertThat(bundles.store(failedBundle(List.of("out")))).isEmpty();
    assertThat(bundles.failures()).isEqualTo(1);
  }

  @Test
  void withoutAStoreNothingIsStored() {
    LogBundles bundles = LogBundles.disabled();

    assertThat(bundles.enabled()).isFalse();
    assertThat(bundles.store(failedBundle(List.of("out")))).isEmpty();
    assertThat(bundles.stored()).isZero();
    assertThat(bundles.failures()).isZero();
  }
}
