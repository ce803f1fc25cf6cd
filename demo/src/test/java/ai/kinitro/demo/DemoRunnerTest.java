package ai.kinitro.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.chain.client.BlockHash;
import ai.kinitro.common.chain.client.BlockId;
import ai.kinitro.common.chain.client.ChainWeights;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class DemoRunnerTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  @TempDir Path state;

  private static ChainWeights row(Map<Integer, List<ChainWeights.Entry>> rows) {
    return new ChainWeights(1, new BlockId(5, new BlockHash(new byte[32])), rows);
  }

  @Test
  void theExpertIsFavouredWhenItOutweighsTheRandomAgentInTheValidatorsRow() {
    List<DemoMiner> miners = DemoMiner.all();
    ChainWeights burnAndExpert = row(Map.of(1, List.of(new ChainWeights.Entry(0, 65535), new ChainWeights.Entry(3, 1337))));
    ChainWeights burnOnly = row(Map.of(1, List.of(new ChainWeights.Entry(0, 65535))));
    ChainWeights randomAhead = row(Map.of(1, List.of(new ChainWeights.Entry(3, 10), new ChainWeights.Entry(4, 20))));
    ChainWeights otherValidator = row(Map.of(2, List.of(new ChainWeights.Entry(3, 65535))));

    assertThat(DemoRunner.favoursMiner(burnAndExpert, 1, 3, miners)).isTrue();
    assertThat(DemoRunner.favoursMiner(burnOnly, 1, 3, miners)).isFalse();
    assertThat(DemoRunner.favoursMiner(randomAhead, 1, 3, miners)).isFalse();
    assertThat(DemoRunner.favoursMiner(otherValidator, 1, 3, miners)).isFalse();
  }

  @Test
  void jobStatusShowsQueuePositionsProgressAndErrors() {
    var jobs = List.of(
        JSON.readTree("""
            {"id":"7","benchmark_name":"cartpole","status":"RUNNING","validators":[
              {"status":"RUNNING","progress_episodes":2,"total_episodes":6}]}"""),
        JSON.readTree("""
            {"id":"8","benchmark_name":"cartpole","status":"QUEUED","validators":[
              {"status":"DELIVERED","queue_position":1,"progress_episodes":0}]}"""),
        JSON.readTree("""
            {"id":"9","benchmark_name":"cartpole","status":"FAILED","validators":[
              {"status":"FAILED","progress_episodes":0,"total_episodes":6,"error_message":"agent crashed"}]}"""));

    assertThat(DemoRunner.jobsStatus(jobs)).isEqualTo("job 7 cartpole RUNNING (2/6 episodes); "
        + "job 8 cartpole DELIVERED (queue position 1); job 9 cartpole FAILED: agent crashed");
    assertThat(DemoRunner.jobsStatus(List.of())).isEqualTo("no jobs yet");
  }

  @Test
  void withoutARunningPlatformTheDemoSaysToStartItFirst() {
    DemoRunner runner = new DemoRunner(new DemoRunner.Options(state, Duration.ofSeconds(5), Duration.ofMillis(10), "java", ""),
        line -> {}, Clock.systemUTC());

    assertThatThrownBy(runner::run).isInstanceOfSatisfying(KinitroException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_NOT_RUNNING);
      assertThat(e.getMessage()).contains("start it with ./kinitro up in another terminal");
    });
  }
}
