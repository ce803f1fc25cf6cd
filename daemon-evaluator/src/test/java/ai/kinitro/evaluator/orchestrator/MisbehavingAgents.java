package ai.kinitro.evaluator.orchestrator;

import ai.kinitro.common.agent.Agent;
import ai.kinitro.common.agent.AgentServer;
import ai.kinitro.common.agent.AgentTensor;
import ai.kinitro.common.agent.Step;
import ai.kinitro.common.agent.TaskInfo;
import ai.kinitro.common.agent.v1.ActRequest;
import ai.kinitro.common.agent.v1.ActResponse;
import ai.kinitro.common.agent.v1.AgentServiceGrpc;
import ai.kinitro.common.agent.v1.DType;
import ai.kinitro.common.agent.v1.PingRequest;
import ai.kinitro.common.agent.v1.PingResponse;
import ai.kinitro.common.agent.v1.ResetRequest;
import ai.kinitro.common.agent.v1.ResetResponse;
import ai.kinitro.common.agent.v1.Tensor;
import com.google.protobuf.ByteString;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Agents that misbehave, built with the Java agent SDK and started by the evaluator as real
 * processes: {@code MisbehavingAgents <mode> [arg] --host H --port P}. {@code chatty <n>} is not
 * misbehaving: it prints {@code n} lines, then plays like any agent.
 */
public final class MisbehavingAgents {
  private MisbehavingAgents() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "crash" -> AgentServer.serve(new Agent() {
        @Override
        public void reset(TaskInfo task) {}

        @Override
        public AgentTensor act(Step step) {
          System.err.println("imitating a segfault");
          Runtime.getRuntime().halt(139);
          return null;
        }
      }, args);
      case "hang" -> AgentServer.serve(new Agent() {
        @Override
        public void reset(TaskInfo task) {}

        @Override
        public AgentTensor act(Step step) {
          try {
            Thread.sleep(Long.MAX_VALUE);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return AgentTensor.scalar(0);
        }
      }, args);
      case "chatty" -> {
        // Prints more than the inline log keeps, then plays CartPole by always pushing left.
        for (int i = 1; i <= Integer.parseInt(args[1]); i++) {
          System.out.println("chatty line " + i);
        }
        System.out.flush();
        AgentServer.serve(new Agent() {
          @Override
          public String name() {
            return "chatty-agent";
          }

          @Override
          public void reset(TaskInfo task) {}

          @Override
          public AgentTensor act(Step step) {
            return AgentTensor.scalar(0);
          }
        }, java.util.Arrays.copyOfRange(args, 2, args.length));
      }
      case "network" -> network(Integer.parseInt(args[1]));
      case "malformed" -> malformed(AgentServer.Options.parse(args));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  /**
   * Tries to phone home: the host's port {@code hostPort} (the test's S3 server) and an outside
   * address; prints what happened and exits, as an agent that needs the network would.
   */
  private static void network(int hostPort) {
    for (InetSocketAddress target : new InetSocketAddress[] {
        new InetSocketAddress("127.0.0.1", hostPort), new InetSocketAddress("192.0.2.1", 80)}) {
      try (Socket s = new Socket()) {
        s.connect(target, 1000);
        System.err.println("connected to " + target);
      } catch (Exception e) {
        System.err.println("connect " + target + ": " + e);
      }
    }
    System.exit(3);
  }

  /** Answers Act with a float32 [1] tensor that carries 3 bytes. */
  private static void malformed(AgentServer.Options o) throws Exception {
    Tensor bad = Tensor.newBuilder().setDtype(DType.DTYPE_FLOAT32).addShape(1).setData(ByteString.copyFrom(new byte[3])).build();
    var server = NettyServerBuilder.forAddress(new InetSocketAddress(o.host(), o.port()))
        .addService(new AgentServiceGrpc.AgentServiceImplBase() {
          @Override
          public void ping(PingRequest request, StreamObserver<PingResponse> out) {
            out.onNext(PingResponse.newBuilder().setAgentName("malformed").build());
            out.onCompleted();
          }

          @Override
          public void reset(ResetRequest request, StreamObserver<ResetResponse> out) {
            out.onNext(ResetResponse.getDefaultInstance());
            out.onCompleted();
          }

          @Override
          public void act(ActRequest request, StreamObserver<ActResponse> out) {
            out.onNext(ActResponse.newBuilder().setAction(bad).build());
            out.onCompleted();
          }
        }).build().start();
    server.awaitTermination();
  }
}
