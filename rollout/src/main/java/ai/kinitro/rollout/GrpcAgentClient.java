package ai.kinitro.rollout;

import ai.kinitro.common.agent.AgentMessages;
import ai.kinitro.common.agent.AgentServer;
import ai.kinitro.common.agent.AgentStatus;
import ai.kinitro.common.agent.TaskInfo;
import ai.kinitro.common.agent.v1.ActBatchRequest;
import ai.kinitro.common.agent.v1.ActBatchResponse;
import ai.kinitro.common.agent.v1.ActRequest;
import ai.kinitro.common.agent.v1.AgentServiceGrpc;
import ai.kinitro.common.agent.v1.Observation;
import ai.kinitro.common.agent.v1.PingRequest;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.Tensor;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AgentClient} over gRPC. Every call carries its timeout as the gRPC deadline; a failed
 * call becomes an agent fault through {@link AgentStatus#fromStatus}, and every tensor the agent
 * sends back is validated.
 */
public final class GrpcAgentClient implements AgentClient {
  private static final Logger log = LoggerFactory.getLogger(GrpcAgentClient.class);

  private final ManagedChannel channel;
  private final AgentServiceGrpc.AgentServiceBlockingStub stub;
  private final Runnable onClose;

  private GrpcAgentClient(ManagedChannel channel, Runnable onClose) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.onClose = onClose;
    this.stub = AgentServiceGrpc.newBlockingStub(channel).withMaxInboundMessageSize(AgentServer.MAX_MESSAGE_BYTES);
  }

  /** Uses a channel built elsewhere (e.g. in-process in tests); closing the client shuts it down. */
  public static GrpcAgentClient over(ManagedChannel channel) {
    return new GrpcAgentClient(channel, () -> {});
  }

  /** Plain-text gRPC over TCP. */
  public static GrpcAgentClient tcp(String host, int port) {
    ManagedChannel ch = NettyChannelBuilder.forAddress(host, port).usePlaintext()
        .maxInboundMessageSize(AgentServer.MAX_MESSAGE_BYTES).build();
    return new GrpcAgentClient(ch, () -> {});
  }

  /** Plain-text gRPC over a Unix domain socket (Linux epoll transport). */
  public static GrpcAgentClient unixSocket(Path socket) {
    if (!Epoll.isAvailable()) {
      throw new KinitroException(ErrorCode.AGENT_RUNTIME_FAILED,
          "Unix domain sockets need the epoll transport, which is unavailable here: " + Epoll.unavailabilityCause());
    }
    EventLoopGroup group = new EpollEventLoopGroup(1);
    ManagedChannel ch = NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
        .eventLoopGroup(group).channelType(EpollDomainSocketChannel.class).usePlaintext()
        .maxInboundMessageSize(AgentServer.MAX_MESSAGE_BYTES).build();
    return new GrpcAgentClient(ch, () -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS));
  }

  private AgentServiceGrpc.AgentServiceBlockingStub stub(Duration timeout) {
    return stub.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public String ping(Duration timeout) {
    return call("Ping", () -> stub(timeout).ping(PingRequest.newBuilder().setMessage("ping").build())).getAgentName();
  }

  /**
   * Pings until the agent answers or {@code timeout} passes, waiting {@code interval} between
   * tries (each try has the remaining time as its deadline). Returns the agent's name.
   */
  public String awaitReady(Duration timeout, Duration interval, Duration pingTimeout, Supplier<Boolean> stillRunning) {
    Instant deadline = Instant.now().plus(timeout);
    KinitroException last = null;
    int attempts = 0;
    while (Instant.now().isBefore(deadline) && stillRunning.get()) {
      attempts++;
      Duration left = Duration.between(Instant.now(), deadline);
      try {
        return call("Ping", () -> stub(left.compareTo(pingTimeout) < 0 ? left : pingTimeout)
            .withWaitForReady().ping(PingRequest.newBuilder().setMessage("ready?").build())).getAgentName();
      } catch (KinitroException e) {
        last = e;
        log.debug("Agent not ready after {} attempt(s): {}", attempts, e.getMessage());
      }
      try {
        Thread.sleep(Math.min(interval.toMillis(), Math.max(1, Duration.between(Instant.now(), deadline).toMillis())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new KinitroException(ErrorCode.AGENT_FAILED_TO_START, "The agent did not answer Ping within " + timeout
        + " (" + attempts + " attempts)" + (last == null ? "" : "; last error: " + last.getMessage()), last);
  }

  @Override
  public void reset(TaskInfo task, Duration timeout) {
    call("Reset", () -> stub(timeout).reset(AgentMessages.toProto(task)));
  }

  @Override
  public Tensor act(AgentStep step, Duration timeout) {
    return EnvTensors.fromProto(call("Act", () -> stub(timeout).act(request(step))).getAction());
  }

  @Override
  public List<Tensor> actBatch(List<AgentStep> steps, Duration timeout) {
    ActBatchRequest.Builder b = ActBatchRequest.newBuilder();
    for (AgentStep s : steps) {
      b.addRequests(request(s));
    }
    ActBatchResponse r = call("ActBatch", () -> stub(timeout).actBatch(b.build()));
    if (r.getActionsCount() != steps.size()) {
      throw new KinitroException(ErrorCode.AGENT_INVALID_ACTION,
          "The agent answered ActBatch with " + r.getActionsCount() + " actions for " + steps.size() + " steps");
    }
    List<Tensor> actions = new ArrayList<>(steps.size());
    for (ai.kinitro.common.agent.v1.Tensor t : r.getActionsList()) {
      actions.add(EnvTensors.fromProto(t));
    }
    return actions;
  }

  static ActRequest request(AgentStep step) {
    Observation.Builder obs = Observation.newBuilder();
    for (Map.Entry<String, Tensor> e : step.observation().entrySet()) {
      obs.putTensors(e.getKey(), EnvTensors.toProto(e.getValue()));
    }
    return ActRequest.newBuilder().setEpisodeIndex(step.episodeIndex()).setStep(step.step()).setObservation(obs).build();
  }

  private static <T> T call(String name, Supplier<T> rpc) {
    try {
      return rpc.get();
    } catch (StatusRuntimeException e) {
      throw AgentStatus.fromStatus(name, e);
    }
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    onClose.run();
  }
}
