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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
    RolloutResult viaTcpUnary;
    try (AgentServer s = AgentServer.start(RolloutEngineTest.rightMover(), new AgentServer.Options("127.0.0.1", 0))) {
      try (GrpcAgentClient c = GrpcAgentClient.tcp("127.0.0.1", s.port())) {
        viaTcp = engine.run(RolloutEngineTest.SPEC, c, options.withBatchSize(1), RolloutListener.NONE);
        assertThat(c.streaming()).isTrue();
      }
      try (GrpcAgentClient c = GrpcAgentClient.tcp("127.0.0.1", s.port(), GrpcAgentClient.ActPath.UNARY)) {
        viaTcpUnary = engine.run(RolloutEngineTest.SPEC, c, options.withBatchSize(1), RolloutListener.NONE);
      }
    }

    assertThat(viaInProcessGrpc).isEqualTo(direct);
    assertThat(viaTcp).isEqualTo(direct);
    assertThat(viaTcpUnary).isEqualTo(direct);
  }

  @Test
  void anAgentWithoutActStreamIsServedWithUnaryCallsAndGivesTheSameResult() {
    RolloutEngine engine = new RolloutEngine(GoalEnvironment.registry(), RolloutEngineTest.FIXED);
    RolloutResult direct = engine.run(RolloutEngineTest.SPEC, new InProcessAgentClient(RolloutEngineTest.rightMover()),
        RolloutOptions.DEFAULT, RolloutListener.NONE);
    for (int batch : new int[] {1, 4}) {
      String name = InProcessServerBuilder.generateName();
      io.grpc.Server unaryOnly = RawAgents.unaryOnly(name, RolloutEngineTest.rightMover());
      try (GrpcAgentClient c = client(name)) {
        RolloutResult r = engine.run(RolloutEngineTest.SPEC, c, RolloutOptions.DEFAULT.withBatchSize(batch), RolloutListener.NONE);

        assertThat(r).isEqualTo(direct);
        assertThat(c.streaming()).isFalse();
      } finally {
        unaryOnly.shutdownNow();
      }
    }
  }

  /** An agent whose act blocks until released (counting its calls), like a hung model. */
  private static final class HangingAgent implements Agent {
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();
    private final int hangOnCall;

    HangingAgent(int hangOnCall) {
      this.hangOnCall = hangOnCall;
    }

    @Override
    public void reset(TaskInfo task) {}

    @Override
    public AgentTensor act(Step step) {
      if (calls.incrementAndGet() == hangOnCall) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return AgentTensor.vector(-1f);
      }
      return AgentTensor.vector(step.step());
    }
  }

  @Test
  @Timeout(60)
  void aHungAgentOnActStreamTimesOutAfterTheDefaultCallTimeoutAndTheRunFailsWithATimeout() {
    HangingAgent hung = new HangingAgent(3);
    RolloutEngine engine = new RolloutEngine(GoalEnvironment.registry(), RolloutEngineTest.FIXED);
    try (AgentServer s = AgentServer.start(hung, new AgentServer.Options("127.0.0.1", 0));
        GrpcAgentClient c = GrpcAgentClient.tcp("127.0.0.1", s.port())) {
      try {
        RolloutResult r = engine.run(RolloutEngineTest.SPEC, c, RolloutOptions.DEFAULT, RolloutListener.NONE);

        assertThat(RolloutOptions.DEFAULT.callTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(r.completed()).isFalse();
        assertThat(r.failure().orElseThrow().code()).isEqualTo(ErrorCode.AGENT_TIMEOUT);
        assertThat(c.streaming()).isTrue();
        assertThat(hung.calls.get()).isEqualTo(3);
      } finally {
        hung.release.countDown();
      }
    }
  }

  @Test
  @Timeout(60)
  void afterATimeoutOnActStreamTheNextStepGoesOnANewStreamAndGetsItsOwnAnswer() {
    HangingAgent hung = new HangingAgent(1);
    try (AgentServer s = AgentServer.start(hung, new AgentServer.Options("127.0.0.1", 0));
        GrpcAgentClient c = GrpcAgentClient.tcp("127.0.0.1", s.port())) {
      assertThatThrownBy(() -> c.act(new AgentStep(0, 0, Map.of()), Duration.ofMillis(200)))
          .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AGENT_TIMEOUT));
      hung.release.countDown();

      Tensor next = c.act(new AgentStep(0, 7, Map.of()), T);

      assertThat(next).isEqualTo(Tensor.float32(7f));
      assertThat(c.streaming()).isTrue();
    }
  }

  @Test
  void anAgentThatFailsOnActStreamIsAnAgentFaultAndTheNextStepOpensANewStream() {
    Agent failingOnce = new Agent() {
      private boolean failed;

      @Override
      public void reset(TaskInfo task) {}

      @Override
      public AgentTensor act(Step step) {
        if (!failed) {
          failed = true;
          throw new IllegalStateException("model not loaded");
        }
        return AgentTensor.vector(step.step());
      }
    };
    try (AgentServer s = AgentServer.start(failingOnce, new AgentServer.Options("127.0.0.1", 0));
        GrpcAgentClient c = GrpcAgentClient.tcp("127.0.0.1", s.port())) {
      assertThatThrownBy(() -> c.act(new AgentStep(0, 0, Map.of()), T))
          .isInstanceOfSatisfying(KinitroException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.AGENT_CALL_FAILED);
            assertThat(e.getMessage()).isEqualTo(
                "The agent answered Act with INTERNAL: IllegalStateException: model not loaded (agent reported INTERNAL_ERROR/"
                    + ErrorCode.INTERNAL_ERROR.number() + ")");
          });

      assertThat(c.act(new AgentStep(0, 3, Map.of()), T)).isEqualTo(Tensor.float32(3f));
      assertThat(c.streaming()).isTrue();
    }
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
