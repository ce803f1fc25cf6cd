package ai.kinitro.rollout;

import ai.kinitro.common.agent.AgentMessages;
import ai.kinitro.common.agent.AgentServer;
import ai.kinitro.common.agent.AgentStatus;
import ai.kinitro.common.agent.TaskInfo;
import ai.kinitro.common.agent.v1.ActBatchRequest;
import ai.kinitro.common.agent.v1.ActBatchResponse;
import ai.kinitro.common.agent.v1.ActRequest;
import ai.kinitro.common.agent.v1.ActResponse;
import ai.kinitro.common.agent.v1.ActStreamRequest;
import ai.kinitro.common.agent.v1.ActStreamResponse;
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
 * An {@link AgentClient} over gRPC. Steps go on one long-lived {@code ActStream} when the agent
 * implements it (it saves the per-call headers, trailers and stream set-up of unary calls); the
 * first ActStream answered UNIMPLEMENTED switches this client to unary {@code Act}/{@code ActBatch}
 * for good. Unary calls carry their timeout as the gRPC deadline; on the stream each answer is
 * timed by the client, which cancels the stream when one is late. A failed call becomes an agent
 * fault through {@link AgentStatus#fromStatus}, and every tensor the agent sends back is validated.
 */
public final class GrpcAgentClient implements AgentClient {
  private static final Logger log = LoggerFactory.getLogger(GrpcAgentClient.class);

  /** How steps travel. */
  public enum ActPath {
    /** On one {@code ActStream}, falling back to unary calls if the agent does not implement it. */
    STREAM_WHEN_SUPPORTED,
    /** Unary {@code Act}/{@code ActBatch} only. */
    UNARY
  }

  private final ManagedChannel channel;
  private final AgentServiceGrpc.AgentServiceBlockingStub stub;
  private final Runnable onClose;
  private boolean streaming;
  private ActStreamCall stream;

  private GrpcAgentClient(ManagedChannel channel, Runnable onClose, ActPath path) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.onClose = onClose;
    this.streaming = Objects.requireNonNull(path, "path") == ActPath.STREAM_WHEN_SUPPORTED;
    this.stub = AgentServiceGrpc.newBlockingStub(channel).withMaxInboundMessageSize(AgentServer.MAX_MESSAGE_BYTES);
  }

  /** Uses a channel built elsewhere (e.g. in-process in tests); closing the client shuts it down. */
  public static GrpcAgentClient over(ManagedChannel channel) {
    return over(channel, ActPath.STREAM_WHEN_SUPPORTED);
  }

  /** As {@link #over(ManagedChannel)}, choosing how steps travel. */
  public static GrpcAgentClient over(ManagedChannel channel, ActPath path) {
    return new GrpcAgentClient(channel, () -> {}, path);
  }

  /** Plain-text gRPC over TCP. */
  public static GrpcAgentClient tcp(String host, int port) {
    return tcp(host, port, ActPath.STREAM_WHEN_SUPPORTED);
  }

  /** Plain-text gRPC over TCP, choosing how steps travel. */
  public static GrpcAgentClient tcp(String host, int port, ActPath path) {
    ManagedChannel ch = NettyChannelBuilder.forAddress(host, port).usePlaintext()
        .maxInboundMessageSize(AgentServer.MAX_MESSAGE_BYTES).build();
    return new GrpcAgentClient(ch, () -> {}, path);
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
    return new GrpcAgentClient(ch, () -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS), ActPath.STREAM_WHEN_SUPPORTED);
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

  /**
   * Whether steps currently go on {@code ActStream}: true until the agent answered it with
   * UNIMPLEMENTED, false from the start for {@link ActPath#UNARY}.
   */
  public boolean streaming() {
    return streaming;
  }

  @Override
  public Tensor act(AgentStep step, Duration timeout) {
    ActRequest request = request(step);
    ActResponse response = null;
    long start = System.nanoTime();
    if (streaming) {
      ActStreamResponse r = onStream("Act", ActStreamRequest.newBuilder().setAct(request).build(), timeout);
      if (r != null) {
        if (!r.hasAct()) {
          throw wrongKind("Act", r);
        }
        response = r.getAct();
      }
    }
    if (response == null) {
      response = call("Act", () -> stub(remaining(timeout, start)).act(request));
    }
    return EnvTensors.fromProto(response.getAction());
  }

  @Override
  public List<Tensor> actBatch(List<AgentStep> steps, Duration timeout) {
    ActBatchRequest.Builder b = ActBatchRequest.newBuilder();
    for (AgentStep s : steps) {
      b.addRequests(request(s));
    }
    ActBatchRequest request = b.build();
    ActBatchResponse r = null;
    long start = System.nanoTime();
    if (streaming) {
      ActStreamResponse answer = onStream("ActBatch", ActStreamRequest.newBuilder().setBatch(request).build(), timeout);
      if (answer != null) {
        if (!answer.hasBatch()) {
          throw wrongKind("ActBatch", answer);
        }
        r = answer.getBatch();
      }
    }
    if (r == null) {
      r = call("ActBatch", () -> stub(remaining(timeout, start)).actBatch(request));
    }
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

  /**
   * Sends one request on the stream (opening it if needed) and returns its answer, or null when the
   * agent has no ActStream (this client then uses unary calls from now on; the time spent finding
   * out is one round trip).
   */
  private ActStreamResponse onStream(String name, ActStreamRequest request, Duration timeout) {
    if (stream == null || !stream.usable()) {
      stream = ActStreamCall.open(channel);
    }
    try {
      return stream.exchange(name, request, timeout);
    } catch (KinitroException e) {
      stream = null;
      if (ActStreamCall.isUnimplemented(e)) {
        log.info("The agent does not implement ActStream; using unary Act/ActBatch");
        streaming = false;
        return null;
      }
      throw e;
    }
  }

  /** What is left of {@code timeout} since {@code start} (after finding out the agent has no ActStream). */
  private static Duration remaining(Duration timeout, long start) {
    Duration left = timeout.minusNanos(System.nanoTime() - start);
    return left.isNegative() || left.isZero() ? Duration.ofNanos(1) : left;
  }

  private KinitroException wrongKind(String name, ActStreamResponse r) {
    stream.cancel();
    stream = null;
    return new KinitroException(ErrorCode.AGENT_CALL_FAILED, "The agent answered " + name + " on ActStream with "
        + (r.getKindCase() == ActStreamResponse.KindCase.KIND_NOT_SET ? "an empty message" : "a " + r.getKindCase().name().toLowerCase(java.util.Locale.ROOT) + " answer")
        + "; each answer must be of the same kind as its request");
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
    if (stream != null) {
      stream.cancel();
      stream = null;
    }
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    onClose.run();
  }
}
