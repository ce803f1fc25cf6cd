package ai.kinitro.validator.testing;

import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.common.protocol.StepRecord;
import ai.kinitro.common.protocol.WeightEntry;
import ai.kinitro.common.protocol.validator.Artifact;
import ai.kinitro.common.protocol.validator.BenchmarkSpec;
import ai.kinitro.common.protocol.validator.EpisodeStepData;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.common.protocol.validator.EvalResult;
import ai.kinitro.common.protocol.validator.SetWeights;
import ai.kinitro.common.protocol.validator.TaskResult;
import ai.kinitro.common.protocol.validator.TaskSpec;
import ai.kinitro.common.protocol.validator.Timings;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** Valid protocol messages for tests. */
public final class Messages {
  public static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  public static final String BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
  public static final String CHARLIE = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";

  private Messages() {}

  public static EvalJob evalJob(long jobId) {
    Instant created = Instant.now();
    BenchmarkSpec benchmark = new BenchmarkSpec("metaworld", "MT10", JsonNodeFactory.instance.objectNode(), List.of("corner"), 1, 10,
        List.of(new TaskSpec("reach-v3_0", "reach-v3", 1001)));
    Artifact artifact = new Artifact(URI.create("https://vault.example.com/a.tar.gz"), created.plus(Duration.ofHours(6)),
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 1024);
    return new EvalJob(UUID.randomUUID(), jobId, 7312848011234567890L, "competition-1", BOB, benchmark, artifact,
        created.plus(Duration.ofHours(2)), created);
  }

  public static EvalResult completed(long jobId) {
    Instant now = Instant.now();
    return new EvalResult(UUID.randomUUID(), jobId, EvaluationStatus.COMPLETED, Optional.of(new Metrics(412.5, 0.75, 412.5, 4)),
        List.of(new TaskResult("reach-v3_0", 4, 3, 0, 412.5, 87.0)), Optional.empty(),
        new Timings(now.minusSeconds(60), Optional.of(now.minusSeconds(50)), now));
  }

  public static EpisodeStepData steps(long jobId, int episode, int from, int count) {
    Instant now = Instant.now();
    List<StepRecord> steps = IntStream.range(from, from + count).mapToObj(i -> new StepRecord(i,
        JsonMapper.builder().build().createArrayNode().add(0.1).add(-0.4).add(0.25).add(1.0), 1.25, false, false, List.of(),
        JsonNodeFactory.instance.objectNode(), now)).toList();
    return new EpisodeStepData(UUID.randomUUID(), jobId, "reach-v3_0", episode, steps);
  }

  public static SetWeights setWeights(int netuid, Instant computedAt, Duration ttl, List<WeightEntry> entries) {
    return new SetWeights(UUID.randomUUID(), "w-" + computedAt.toEpochMilli(), netuid, computedAt, computedAt.plus(ttl), entries);
  }
}
