package ai.kinitro.common.agent;

import ai.kinitro.common.agent.v1.ActBatchRequest;
import ai.kinitro.common.agent.v1.ActBatchResponse;
import ai.kinitro.common.agent.v1.ActRequest;
import ai.kinitro.common.agent.v1.ActResponse;
import ai.kinitro.common.agent.v1.ActStreamRequest;
import ai.kinitro.common.agent.v1.ActStreamResponse;
import ai.kinitro.common.agent.v1.AgentServiceGrpc;
import ai.kinitro.common.agent.v1.PingRequest;
import ai.kinitro.common.agent.v1.PingResponse;
import ai.kinitro.common.agent.v1.ResetRequest;
import ai.kinitro.common.agent.v1.ResetResponse;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC side of an {@link Agent}: a thin adapter that turns protobuf requests into SDK records,
 * calls the agent (one call at a time), and turns the answer or the failure back into protobuf or
 * a status ({@link AgentStatus}).
 */
public final class AgentGrpcService extends AgentServiceGrpc.AgentServiceImplBase {
  private static final Logger log = LoggerFactory.getLogger(AgentGrpcService.class);

  private final Agent agent;
  private final Object lock = new Object();

  public AgentGrpcService(Agent agent) {
    this.agent = Objects.requireNonNull(agent, "agent");
  }

  @Override
  public void ping(PingRequest request, StreamObserver<PingResponse> out) {
    answer(out, "Ping", () -> PingResponse.newBuilder()
        .setMessage(request.getMessage()).setAgentName(agent.name()).build());
  }

  @Override
  public void reset(ResetRequest request, StreamObserver<ResetResponse> out) {
    answer(out, "Reset", () -> {
      TaskInfo task = AgentMessages.fromProto(request);
      synchronized (lock) {
        agent.reset(task);
      }
      return ResetResponse.getDefaultInstance();
    });
  }

  @Override
  public void act(ActRequest request, StreamObserver<ActResponse> out) {
    answer(out, "Act", () -> act(request));
  }

  @Override
  public void actBatch(ActBatchRequest request, StreamObserver<ActBatchResponse> out) {
    answer(out, "ActBatch", () -> actBatch(request));
  }

  /**
   * Act and ActBatch on one stream: every request is answered with one response of the same kind,
   * in order, by the same code as the unary calls. The first failure ends the stream with the
   * status the unary call would have returned; requests after it are ignored.
   */
  @Override
  public StreamObserver<ActStreamRequest> actStream(StreamObserver<ActStreamResponse> out) {
    return new StreamObserver<>() {
      private boolean failed;

      @Override
      public void onNext(ActStreamRequest request) {
        if (failed) {
          return;
        }
        ActStreamResponse response;
        String call = request.getKindCase() == ActStreamRequest.KindCase.BATCH ? "ActStream/batch" : "ActStream/act";
        try {
          response = switch (request.getKindCase()) {
            case ACT -> ActStreamResponse.newBuilder().setAct(act(request.getAct())).build();
            case BATCH -> ActStreamResponse.newBuilder().setBatch(actBatch(request.getBatch())).build();
            case KIND_NOT_SET -> throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
                "An ActStream request holds neither a step nor a batch");
          };
        } catch (RuntimeException | Error e) {
          failed = true;
          log.warn("{} failed: {}", call, e.toString());
          out.onError(AgentStatus.toStatus(e));
          return;
        }
        out.onNext(response);
      }

      @Override
      public void onError(Throwable t) {
        // The evaluator cancelled the stream (a late answer, or the run ended): nothing to answer.
      }

      @Override
      public void onCompleted() {
        if (!failed) {
          out.onCompleted();
        }
      }
    };
  }

  private ActResponse act(ActRequest request) {
    Step step = AgentMessages.fromProto(request);
    AgentTensor action;
    synchronized (lock) {
      action = agent.act(step);
    }
    if (action == null) {
      throw new KinitroException(ErrorCode.AGENT_INVALID_ACTION, "The agent returned no action");
    }
    return ActResponse.newBuilder().setAction(AgentMessages.toProto(action)).build();
  }

  private ActBatchResponse actBatch(ActBatchRequest request) {
    List<Step> steps = new ArrayList<>(request.getRequestsCount());
    for (ActRequest r : request.getRequestsList()) {
      steps.add(AgentMessages.fromProto(r));
    }
    List<AgentTensor> actions;
    synchronized (lock) {
      actions = agent.actBatch(steps);
    }
    if (actions == null || actions.size() != steps.size()) {
      throw new KinitroException(ErrorCode.AGENT_INVALID_ACTION, "The agent returned "
          + (actions == null ? "no" : actions.size()) + " actions for " + steps.size() + " steps");
    }
    ActBatchResponse.Builder b = ActBatchResponse.newBuilder();
    for (AgentTensor a : actions) {
      if (a == null) {
        throw new KinitroException(ErrorCode.AGENT_INVALID_ACTION, "The agent returned a null action in a batch");
      }
      b.addActions(AgentMessages.toProto(a));
    }
    return b.build();
  }

  private static <T> void answer(StreamObserver<T> out, String call, Supplier<T> body) {
    T response;
    try {
      response = body.get();
    } catch (RuntimeException | Error e) {
      log.warn("{} failed: {}", call, e.toString());
      out.onError(AgentStatus.toStatus(e));
      return;
    }
    out.onNext(response);
    out.onCompleted();
  }
}
