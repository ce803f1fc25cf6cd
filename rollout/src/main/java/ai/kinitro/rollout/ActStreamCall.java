package ai.kinitro.rollout;

import ai.kinitro.common.agent.AgentServer;
import ai.kinitro.common.agent.AgentStatus;
import ai.kinitro.common.agent.v1.ActStreamRequest;
import ai.kinitro.common.agent.v1.ActStreamResponse;
import ai.kinitro.common.agent.v1.AgentServiceGrpc;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One open {@code ActStream} call: sends one request, waits for its one answer. The stream carries
 * no deadline (it lives for many steps); each {@link #exchange} times its own answer and cancels
 * the stream when it is late, so a hung agent still fails the call with {@code AGENT_TIMEOUT}.
 * Listener callbacks run on the transport thread (direct executor) and only hand events to the
 * waiting caller. Once an exchange has failed the call is no longer {@link #usable() usable}; the client opens
 * a new one for its next step. Not thread-safe: one exchange at a time.
 */
final class ActStreamCall {
  /** Events buffered from the transport: the one expected answer, an extra one, the close. */
  private static final int EVENTS = 4;

  /** The agent closed the stream (or it broke); {@code status} says how. */
  private record Closed(Status status, Metadata trailers) {}

  private final ClientCall<ActStreamRequest, ActStreamResponse> call;
  private final BlockingQueue<Object> events = new ArrayBlockingQueue<>(EVENTS);
  private boolean open = true;
  private boolean answered;

  private ActStreamCall(ClientCall<ActStreamRequest, ActStreamResponse> call) {
    this.call = call;
  }

  /** Starts the stream (nothing goes on the wire until the first request). */
  static ActStreamCall open(ManagedChannel channel) {
    ClientCall<ActStreamRequest, ActStreamResponse> call = channel.newCall(AgentServiceGrpc.getActStreamMethod(),
        CallOptions.DEFAULT.withExecutor(Runnable::run).withMaxInboundMessageSize(AgentServer.MAX_MESSAGE_BYTES));
    ActStreamCall stream = new ActStreamCall(call);
    call.start(new ClientCall.Listener<>() {
      @Override
      public void onMessage(ActStreamResponse message) {
        stream.events.offer(message);
        call.request(1);
      }

      @Override
      public void onClose(Status status, Metadata trailers) {
        stream.events.offer(new Closed(status, trailers));
      }
    }, new Metadata());
    call.request(1);
    return stream;
  }

  /**
   * Whether the next exchange can use this stream. A stream the agent ended between two steps is
   * not (the client opens a new one); an answer nobody asked for is a protocol violation.
   */
  boolean usable() {
    Object stale = events.poll();
    if (stale instanceof Closed) {
      open = false;
    } else if (stale != null) {
      cancel();
      throw new KinitroException(ErrorCode.AGENT_CALL_FAILED,
          "The agent sent an ActStream answer nobody asked for; each request gets exactly one answer");
    }
    return open;
  }

  /**
   * True when the agent ended this stream with UNIMPLEMENTED before answering anything: it has
   * no ActStream, and the caller should use the unary calls instead.
   */
  static boolean isUnimplemented(KinitroException e) {
    return e instanceof Unimplemented;
  }

  /**
   * Sends {@code request} and returns its answer.
   *
   * @param name the call's name for messages ({@code "Act"} or {@code "ActBatch"})
   * @throws KinitroException an agent fault (timeout, broken stream, error status, an answer too
   *     many), after which this call is closed; or {@link #isUnimplemented unimplemented}
   */
  ActStreamResponse exchange(String name, ActStreamRequest request, Duration timeout) {
    Object event;
    try {
      call.sendMessage(request);
      event = events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel();
      throw AgentStatus.fromStatus(name, Status.CANCELLED.withDescription("the evaluator was interrupted").asRuntimeException());
    } catch (RuntimeException e) {
      cancel();
      throw AgentStatus.fromStatus(name, Status.fromThrowable(e).asRuntimeException());
    }
    if (event == null) {
      cancel();
      throw AgentStatus.fromStatus(name, Status.DEADLINE_EXCEEDED
          .withDescription("no answer on ActStream within " + timeout).asRuntimeException());
    }
    if (event instanceof Closed c) {
      open = false;
      if (c.status().getCode() == Status.Code.UNIMPLEMENTED && !answered) {
        throw new Unimplemented();
      }
      Status status = c.status().isOk()
          ? Status.INTERNAL.withDescription("the agent ended ActStream without answering") : c.status();
      throw AgentStatus.fromStatus(name, status.asRuntimeException(c.trailers()));
    }
    answered = true;
    return (ActStreamResponse) event;
  }

  /** Cancels the stream (the agent sees the cancellation); harmless when already closed. */
  void cancel() {
    if (open) {
      open = false;
      call.cancel("the evaluator is done with this stream", null);
    }
  }

  /** The agent does not implement ActStream. */
  private static final class Unimplemented extends KinitroException {
    private static final long serialVersionUID = 1L;

    Unimplemented() {
      super(ErrorCode.AGENT_CALL_FAILED, "The agent does not implement ActStream");
    }
  }
}
