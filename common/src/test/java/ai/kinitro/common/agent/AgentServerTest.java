package ai.kinitro.common.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.agent.v1.ActBatchRequest;
import ai.kinitro.common.agent.v1.ActBatchResponse;
import ai.kinitro.common.agent.v1.ActRequest;
import ai.kinitro.common.agent.v1.ActResponse;
import ai.kinitro.common.agent.v1.ActStreamRequest;
import ai.kinitro.common.agent.v1.ActStreamResponse;
import ai.kinitro.common.agent.v1.AgentServiceGrpc;
import ai.kinitro.common.agent.v1.DType;
import ai.kinitro.common.agent.v1.Observation;
import ai.kinitro.common.agent.v1.PingRequest;
import ai.kinitro.common.agent.v1.PingResponse;
import ai.kinitro.common.agent.v1.Tensor;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentServerTest {

  /** Answers each step with its own step number and the sum of its "state" observation. */
  static final class SummingAgent implements Agent {
    final List<TaskInfo> resets = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();

    @Override
    public String name() {
      return "summing-agent/1";
    }

    @Override
    public void reset(TaskInfo task) {
      resets.add(task);
    }

    @Override
    public AgentTensor act(Step step) {
      double sum = 0;
      for (double v : step.get("state").toDoubles()) {
        sum += v;
      }
      return AgentTensor.float64(new int[] {2}, step.step(), sum);
    }

    @Override
    public List<AgentTensor> actBatch(List<Step> steps) {
      batchSizes.add(steps.size());
      return Agent.super.actBatch(steps);
    }
  }

  private final SummingAgent agent = new SummingAgent();
  private AgentServer server;
  private ManagedChannel channel;
  private AgentServiceGrpc.AgentServiceBlockingStub stub;

  @BeforeEach
  void startInProcess() {
    String name = InProcessServerBuilder.generateName();
    server = AgentServer.start(agent, InProcessServerBuilder.forName(name).directExecutor());
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    stub = AgentServiceGrpc.newBlockingStub(channel);
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }

  private static ActRequest act(long episode, int step, float... state) {
    return AgentMessages.toProto(new Step(episode, step, Map.of("state", AgentTensor.vector(state))));
  }

  @Test
  void pingEchoesTheMessageAndNamesTheAgent() {
    PingResponse r = stub.ping(PingRequest.newBuilder().setMessage("hello").build());

    assertThat(r).isEqualTo(PingResponse.newBuilder().setMessage("hello").setAgentName("summing-agent/1").build());
  }

  @Test
  void resetHandsTheTaskToTheAgent() {
    TaskInfo task = new TaskInfo("t#0", "classic/CartPole-v1", "", 4, new ActionSpace.Discrete(2, 0), 500);

    stub.reset(AgentMessages.toProto(task));

    assertThat(agent.resets).containsExactly(task);
  }

  @Test
  void actReturnsTheAgentsAction() {
    AgentTensor action = AgentMessages.fromProto(stub.act(act(0, 5, 1f, 2f, 3f)).getAction());

    assertThat(action).isEqualTo(AgentTensor.float64(new int[] {2}, 5, 6));
  }

  @Test
  void actBatchAnswersEveryEpisodeInOrderWithOneCallToTheAgent() {
    ActBatchResponse r = stub.actBatch(ActBatchRequest.newBuilder()
        .addRequests(act(0, 1, 1f)).addRequests(act(1, 2, 2f)).addRequests(act(2, 3, 3f)).build());

    assertThat(r.getActionsList()).map(AgentMessages::fromProto).containsExactly(
        AgentTensor.float64(new int[] {2}, 1, 1), AgentTensor.float64(new int[] {2}, 2, 2),
        AgentTensor.float64(new int[] {2}, 3, 3));
    assertThat(agent.batchSizes).containsExactly(3);
  }

  @Test
  void aMalformedObservationIsRefusedAsInvalidArgumentWithItsCode() {
    ActRequest bad = ActRequest.newBuilder().setObservation(Observation.newBuilder().putTensors("state",
        Tensor.newBuilder().setDtype(DType.DTYPE_FLOAT32).addShape(3).setData(ByteString.copyFrom(new byte[5])).build()))
        .build();

    assertThatThrownBy(() -> stub.act(bad)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(AgentStatus.reportedCode(e)).contains(ErrorCode.AGENT_MALFORMED_TENSOR);
    });
  }

  @Test
  void anAgentThatThrowsFailsTheCallAndTheClientSeesAnAgentFault() {
    ActRequest missingState = ActRequest.newBuilder().setObservation(Observation.getDefaultInstance()).build();

    StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
        () -> stub.act(missingState));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    KinitroException classified = AgentStatus.fromStatus("Act", e);
    assertThat(classified.code()).isEqualTo(ErrorCode.AGENT_CALL_FAILED);
    assertThat(classified.getMessage()).contains("no observation named 'state'");
  }

  @Test
  void aBatchAnsweredWithTheWrongNumberOfActionsIsRefused() {
    String name = InProcessServerBuilder.generateName();
    Agent shortChanging = new Agent() {
      @Override
      public void reset(TaskInfo task) {}

      @Override
      public AgentTensor act(Step step) {
        return AgentTensor.scalar(0);
      }

      @Override
      public List<AgentTensor> actBatch(List<Step> steps) {
        return List.of(AgentTensor.scalar(0));
      }
    };
    try (AgentServer other = AgentServer.start(shortChanging, InProcessServerBuilder.forName(name).directExecutor())) {
      ManagedChannel ch = InProcessChannelBuilder.forName(name).directExecutor().build();
      try {
        assertThatThrownBy(() -> AgentServiceGrpc.newBlockingStub(ch)
            .actBatch(ActBatchRequest.newBuilder().addRequests(act(0, 0, 1f)).addRequests(act(1, 0, 1f)).build()))
            .isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(AgentStatus.reportedCode(e)).contains(ErrorCode.AGENT_INVALID_ACTION));
      } finally {
        ch.shutdownNow();
      }
    }
  }

  /** Collects what the agent sends back on one ActStream. */
  private static final class StreamAnswers implements StreamObserver<ActStreamResponse> {
    final List<ActStreamResponse> answers = new ArrayList<>();
    final CompletableFuture<Status> closed = new CompletableFuture<>();

    @Override
    public void onNext(ActStreamResponse value) {
      answers.add(value);
    }

    @Override
    public void onError(Throwable t) {
      closed.complete(Status.fromThrowable(t));
    }

    @Override
    public void onCompleted() {
      closed.complete(Status.OK);
    }
  }

  @Test
  void actStreamAnswersStepsAndBatchesInOrderOnOneStream() throws Exception {
    StreamAnswers out = new StreamAnswers();
    StreamObserver<ActStreamRequest> in = AgentServiceGrpc.newStub(channel).actStream(out);

    in.onNext(ActStreamRequest.newBuilder().setAct(act(0, 1, 1f, 2f)).build());
    in.onNext(ActStreamRequest.newBuilder().setBatch(ActBatchRequest.newBuilder()
        .addRequests(act(0, 2, 3f)).addRequests(act(1, 0, 4f))).build());
    in.onNext(ActStreamRequest.newBuilder().setAct(act(1, 1, 5f)).build());
    in.onCompleted();

    assertThat(out.closed.get(5, TimeUnit.SECONDS)).isEqualTo(Status.OK);
    assertThat(out.answers).containsExactly(
        ActStreamResponse.newBuilder().setAct(ActResponse.newBuilder()
            .setAction(AgentMessages.toProto(AgentTensor.float64(new int[] {2}, 1, 3)))).build(),
        ActStreamResponse.newBuilder().setBatch(ActBatchResponse.newBuilder()
            .addActions(AgentMessages.toProto(AgentTensor.float64(new int[] {2}, 2, 3)))
            .addActions(AgentMessages.toProto(AgentTensor.float64(new int[] {2}, 0, 4)))).build(),
        ActStreamResponse.newBuilder().setAct(ActResponse.newBuilder()
            .setAction(AgentMessages.toProto(AgentTensor.float64(new int[] {2}, 1, 5)))).build());
    assertThat(agent.batchSizes).containsExactly(2);
  }

  @Test
  void aFailureOnActStreamEndsTheStreamWithTheStatusUnaryActWouldReturn() throws Exception {
    ActRequest bad = ActRequest.newBuilder().setObservation(Observation.newBuilder().putTensors("state",
        Tensor.newBuilder().setDtype(DType.DTYPE_FLOAT32).addShape(3).setData(ByteString.copyFrom(new byte[5])).build()))
        .build();
    StreamAnswers out = new StreamAnswers();
    StreamObserver<ActStreamRequest> in = AgentServiceGrpc.newStub(channel).actStream(out);

    in.onNext(ActStreamRequest.newBuilder().setAct(act(0, 0, 1f)).build());
    in.onNext(ActStreamRequest.newBuilder().setAct(bad).build());
    in.onNext(ActStreamRequest.newBuilder().setAct(act(0, 1, 1f)).build());

    Status status = out.closed.get(5, TimeUnit.SECONDS);
    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(out.answers).hasSize(1);
    StatusRuntimeException unary = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
        () -> stub.act(bad));
    assertThat(status.getDescription()).isEqualTo(unary.getStatus().getDescription());
  }

  @Test
  void servesOverRealLoopbackTcp() throws InterruptedException {
    try (AgentServer tcp = AgentServer.start(agent, new AgentServer.Options("127.0.0.1", 0))) {
      ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", tcp.port()).usePlaintext().build();
      try {
        AgentTensor action = AgentMessages.fromProto(AgentServiceGrpc.newBlockingStub(ch)
            .withDeadlineAfter(5, TimeUnit.SECONDS).act(act(0, 1, 0.5f, 0.25f)).getAction());
        assertThat(action).isEqualTo(AgentTensor.float64(new int[] {2}, 1, 0.75));
      } finally {
        ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void closingTheServerTerminatesIt() {
    AgentServer tcp = AgentServer.start(agent, new AgentServer.Options("127.0.0.1", 0));

    tcp.close();

    assertThat(tcp.isTerminated()).isTrue();
  }
}
