package ai.kinitro.rollout.runtime;

import ai.kinitro.common.agent.Agent;
import ai.kinitro.common.agent.AgentServer;
import ai.kinitro.common.agent.AgentTensor;
import ai.kinitro.common.agent.Step;
import ai.kinitro.common.agent.TaskInfo;
import ai.kinitro.common.agent.examples.PolicyAgent;
import ai.kinitro.common.agent.v1.ActRequest;
import ai.kinitro.common.agent.v1.ActResponse;
import ai.kinitro.common.agent.v1.AgentServiceGrpc;
import ai.kinitro.common.agent.v1.DType;
import ai.kinitro.common.agent.v1.PingRequest;
import ai.kinitro.common.agent.v1.PingResponse;
import ai.kinitro.common.agent.v1.Tensor;
import com.google.protobuf.ByteString;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.List;

/**
 * Agents that behave and misbehave, started as real processes by the runtime tests:
 * {@code TestAgents <mode> [arg] --host H --port P}.
 */
public final class TestAgents {
  private TestAgents() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    switch (mode) {
      case "serve" -> AgentServer.serve(PolicyAgent.ofState(obs -> new double[] {0.3}), args);
      case "slow-start" -> {
        Thread.sleep(Long.parseLong(args[1]));
        AgentServer.serve(PolicyAgent.ofState(obs -> new double[] {0.3}), args);
      }
      case "refuse" -> {
        System.err.println("refusing to start: missing weights file");
        System.exit(2);
      }
      case "crash-on-act" -> AgentServer.serve(new Agent() {
        @Override
        public void reset(TaskInfo task) {}

        @Override
        public AgentTensor act(Step step) {
          System.err.println("segfault imitation");
          Runtime.getRuntime().halt(139);
          return null;
        }
      }, args);
      case "hang-on-act" -> AgentServer.serve(new Agent() {
        @Override
        public void reset(TaskInfo task) {}

        @Override
        public AgentTensor act(Step step) {
          try {
            Thread.sleep(Long.MAX_VALUE);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return AgentTensor.vector(0f);
        }
      }, args);
      case "spawn-child" -> {
        new ProcessBuilder("sleep", "600").inheritIO().start();
        AgentServer.serve(PolicyAgent.ofState(obs -> new double[] {0.3}), args);
      }
      case "network" -> network(Integer.parseInt(args[1]));
      case "malformed" -> malformed(args);
      default -> throw new IllegalArgumentException(mode);
    }
  }

  /**
   * Tries the host's loopback port the test listens on (inside the sandbox that is the sandbox's
   * own loopback, so it is refused), then, only when this process sees no interface but loopback,
   * a documentation address (TEST-NET-1) that no packet can reach from here; then exits.
   */
  private static void network(int hostPort) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", hostPort), 1000);
      System.err.println("connected to the host's port " + hostPort);
    } catch (Exception e) {
      System.err.println("host loopback: " + e);
    }
    try {
      List<NetworkInterface> ifs = Collections.list(NetworkInterface.getNetworkInterfaces());
      boolean onlyLoopback = ifs.stream().allMatch(i -> {
        try {
          return i.isLoopback();
        } catch (Exception e) {
          return false;
        }
      });
      if (onlyLoopback) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("192.0.2.1", 80), 1000);
        } catch (Exception e) {
          System.err.println("outbound: " + e);
        }
      }
    } catch (Exception e) {
      System.err.println("interfaces: " + e);
    }
    System.exit(1);
  }

  /** Answers Act with a float32 [4] tensor carrying 3 bytes. */
  private static void malformed(String[] args) throws Exception {
    AgentServer.Options o = AgentServer.Options.parse(args);
    Tensor bad = Tensor.newBuilder().setDtype(DType.DTYPE_FLOAT32).addShape(4).setData(ByteString.copyFrom(new byte[3])).build();
    var server = NettyServerBuilder.forAddress(new InetSocketAddress(o.host(), o.port()))
        .addService(new AgentServiceGrpc.AgentServiceImplBase() {
          @Override
          public void ping(PingRequest request, StreamObserver<PingResponse> out) {
            out.onNext(PingResponse.newBuilder().setAgentName("malformed").build());
            out.onCompleted();
          }

          @Override
          public void reset(ai.kinitro.common.agent.v1.ResetRequest request,
              StreamObserver<ai.kinitro.common.agent.v1.ResetResponse> out) {
            out.onNext(ai.kinitro.common.agent.v1.ResetResponse.getDefaultInstance());
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
