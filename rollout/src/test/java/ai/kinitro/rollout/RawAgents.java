package ai.kinitro.rollout;

import ai.kinitro.common.agent.AgentMessages;
import ai.kinitro.common.agent.v1.ActBatchRequest;
import ai.kinitro.common.agent.v1.ActBatchResponse;
import ai.kinitro.common.agent.v1.ActRequest;
import ai.kinitro.common.agent.v1.ActResponse;
import ai.kinitro.common.agent.v1.AgentServiceGrpc;
import ai.kinitro.common.agent.v1.ResetRequest;
import ai.kinitro.common.agent.v1.ResetResponse;
import ai.kinitro.common.agent.v1.DType;
import ai.kinitro.common.agent.v1.Tensor;
import com.google.protobuf.ByteString;
import io.grpc.Server;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Agents written against the raw generated service, to send what the SDK would refuse to build. */
final class RawAgents {
  private RawAgents() {}

  /** Act answers a float32 [2] tensor with 5 bytes; ActBatch answers one action whatever the batch. */
  static Server malformed(String name) {
    Tensor bad = Tensor.newBuilder().setDtype(DType.DTYPE_FLOAT32).addShape(2).setData(ByteString.copyFrom(new byte[5])).build();
    Tensor good = Tensor.newBuilder().setDtype(DType.DTYPE_FLOAT32).addShape(1).setData(ByteString.copyFrom(new byte[4])).build();
    try {
      return InProcessServerBuilder.forName(name).addService(new AgentServiceGrpc.AgentServiceImplBase() {
        @Override
        public void act(ActRequest request, StreamObserver<ActResponse> out) {
          out.onNext(ActResponse.newBuilder().setAction(bad).build());
          out.onCompleted();
        }

        @Override
        public void actBatch(ActBatchRequest request, StreamObserver<ActBatchResponse> out) {
          out.onNext(ActBatchResponse.newBuilder().addActions(good).build());
          out.onCompleted();
        }
      }).build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A correct agent that implements only the unary calls, like an agent generated from the
   * protocol before ActStream existed: ActStream answers UNIMPLEMENTED.
   */
  static Server unaryOnly(String name, ai.kinitro.common.agent.Agent agent) {
    try {
      return InProcessServerBuilder.forName(name).addService(new AgentServiceGrpc.AgentServiceImplBase() {
        @Override
        public void reset(ResetRequest request, StreamObserver<ResetResponse> out) {
          agent.reset(AgentMessages.fromProto(request));
          out.onNext(ResetResponse.getDefaultInstance());
          out.onCompleted();
        }

        @Override
        public void act(ActRequest request, StreamObserver<ActResponse> out) {
          out.onNext(ActResponse.newBuilder().setAction(AgentMessages.toProto(agent.act(AgentMessages.fromProto(request)))).build());
          out.onCompleted();
        }

        @Override
        public void actBatch(ActBatchRequest request, StreamObserver<ActBatchResponse> out) {
          ActBatchResponse.Builder b = ActBatchResponse.newBuilder();
          for (ActRequest r : request.getRequestsList()) {
            b.addActions(AgentMessages.toProto(agent.act(AgentMessages.fromProto(r))));
          }
          out.onNext(b.build());
          out.onCompleted();
        }
      }).build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
