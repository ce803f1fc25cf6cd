package ai.kinitro.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.agent.Agent;
import ai.kinitro.common.agent.AgentServer;
import ai.kinitro.common.agent.AgentTensor;
import ai.kinitro.common.agent.Step;
import ai.kinitro.common.agent.TaskInfo;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.Tensor;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrpcAgentClientTest {
  private static final Duration T = Duration.ofSeconds(5);

  private static AgentServer inProcess(Agent agent, String name) {
    return AgentServer.start(agent, InProcessServerBuilder.forName(name));
  }

  private static GrpcAgentClient client(String name) {
    return GrpcAgentClient.over(InProcessChannelBuilder.forName(name).build());
  }

  @Test
  void theSameRolloutGivesTheSameResultInProcessOverInProcessGrpcAndOverLoopbackTcp() {
    RolloutEngine engine = new RolloutEngine(GoalEnvironment.registry(), RolloutEngineTest.FIXED);
    RolloutOptions options = RolloutOptions.DEFAULT.withBatchSize(4);
    RolloutResult direct = engine.run(RolloutEngineTest.SPEC, new InProcessAgentClient(RolloutEngineTest.rightMover()),
        options, RolloutListener.NONE);
    String name = InProcessServerBuilder.generateName();
    RolloutResult viaInProcessGrpc;
    try (AgentServer s = inProcess(RolloutEngineTest.rightMover(), name); GrpcAgentClient c = client(name)) {
      viaInProcessGrpc = engine.run(RolloutEngineTest.SPEC, c, options, RolloutListener.NONE);
    }
    RolloutResult viaTcp;
    try (AgentServer s = AgentServer.start(RolloutEngineTest.rightMover(), new AgentServer.Options("127.0.0.1", 0));
        GrpcAgentClient c = GrpcAgentClient.tcp("127.0.0.1", s.port())) {
      viaTcp = engine.run(RolloutEngineTest.SPEC, c, options.withBatchSize(1), RolloutListener.NONE);
    }

    assertThat(viaInProcessGrpc).isEqualTo(direct);
    assertThat(viaTcp).isEqualTo(direct);
  }

  @Test
  void aSlowAgentTimesOut() {
    Agent slow = new Agent() {
      @Override
      public void reset(TaskInfo task) {}

      @Override
      public AgentTensor act(Step step) {
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return AgentTensor.vector(0f);
      }
    };
    String name = InProcessServerBuilder.generateName();
    try (AgentServer s = inProcess(slow, name); GrpcAgentClient c = client(name)) {
      assertThatThrownBy(() -> c.act(new AgentStep(0, 0, Map.of("state", Tensor.float64(1))), Duration.ofMillis(100)))
          .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AGENT_TIMEOUT));
    }
  }

  @Test
  void aMalformedActionTensorFromTheAgentIsRejected() {
    String name = InProcessServerBuilder.generateName();
    io.grpc.Server raw = RawAgents.malformed(name);
    try (GrpcAgentClient c = client(name)) {
      assertThatThrownBy(() -> c.act(new AgentStep(0, 0, Map.of()), T))
          .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AGENT_MALFORMED_TENSOR));
      assertThatThrownBy(() -> c.actBatch(List.of(new AgentStep(0, 0, Map.of()), new AgentStep(1, 0, Map.of())), T))
          .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AGENT_INVALID_ACTION));
    } finally {
      raw.shutdownNow();
    }
  }

  @Test
  void awaitReadyGivesUpWhenNothingAnswers() {
    try (GrpcAgentClient c = client(InProcessServerBuilder.generateName())) {
      assertThatThrownBy(() -> c.awaitReady(Duration.ofMillis(300), Duration.ofMillis(50), Duration.ofMillis(100), () -> true))
          .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AGENT_FAILED_TO_START));
    }
  }
}
