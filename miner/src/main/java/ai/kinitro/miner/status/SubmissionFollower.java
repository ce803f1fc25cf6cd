package ai.kinitro.miner.status;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.EventType;
import ai.kinitro.common.protocol.realtime.RealtimeError;
import ai.kinitro.common.protocol.realtime.RealtimeMessage;
import ai.kinitro.common.protocol.realtime.RealtimeProtocol;
import ai.kinitro.common.protocol.realtime.Subscribe;
import ai.kinitro.common.protocol.realtime.SubscriptionFilter;
import ai.kinitro.common.protocol.realtime.Welcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows one submission on the backend's realtime channel. After the server's {@code welcome} it
 * subscribes to the submission's {@code submission_received}, {@code job_created}, {@code
 * evaluation_completed} and {@code episode_completed} events, and, for each job it learns of, to
 * that job's {@code job_status_changed} and {@code job_completed} (those carry only the job id).
 * The server sends the current state first, so following a submission that already has results
 * shows them at once.
 */
public final class SubmissionFollower implements AutoCloseable {
  static final List<EventType> SUBMISSION_EVENTS = List.of(EventType.SUBMISSION_RECEIVED, EventType.JOB_CREATED,
      EventType.EVALUATION_COMPLETED, EventType.EPISODE_COMPLETED);
  static final List<EventType> JOB_EVENTS = List.of(EventType.JOB_STATUS_CHANGED, EventType.JOB_COMPLETED);

  private final ProtocolCodec<RealtimeMessage> codec = RealtimeProtocol.clientCodec();
  private final long submissionId;
  private final StatusListener listener;
  private final AtomicReference<SubmissionProgress> state;
  private final Set<Long> followedJobs = ConcurrentHashMap.newKeySet();
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicReference<KinitroException> failure = new AtomicReference<>();
  private final URI endpoint;
  private volatile WebSocket socket;

  private SubmissionFollower(URI endpoint, long submissionId, StatusListener listener) {
    this.endpoint = endpoint;
    this.submissionId = submissionId;
    this.listener = listener;
    this.state = new AtomicReference<>(SubmissionProgress.start(Long.toString(submissionId)));
  }

  /** The realtime endpoint of a backend: {@code ws(s)://host[:port][/base]/ws/client}. */
  public static URI endpoint(URI backend) {
    String scheme = "https".equalsIgnoreCase(backend.getScheme()) ? "wss" : "ws";
    String prefix = backend.getRawPath() == null ? "" : backend.getRawPath().replaceAll("/+$", "");
    return URI.create(scheme + "://" + backend.getRawAuthority() + prefix + RealtimeProtocol.PATH);
  }

  /** Connects and starts following; fails with {@code MINER_BACKEND_UNREACHABLE} if the channel cannot be opened. */
  public static SubmissionFollower connect(HttpClient http, URI backend, String submissionId, StatusListener listener) {
    long id;
    try {
      id = Long.parseLong(submissionId);
    } catch (NumberFormatException e) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "a submission id is a decimal number, got '" + submissionId + "'");
    }
    SubmissionFollower follower = new SubmissionFollower(endpoint(backend), id, Objects.requireNonNull(listener, "listener"));
    try {
      follower.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
          .buildAsync(follower.endpoint, follower.new Receiver()).join();
    } catch (CompletionException e) {
      throw new KinitroException(ErrorCode.MINER_BACKEND_UNREACHABLE, "cannot open the realtime channel "
          + follower.endpoint + ": " + (e.getCause() == null ? e : e.getCause()) + ". Is the backend running?", e);
    }
    return follower;
  }

  /** The state so far. */
  public SubmissionProgress progress() {
    return state.get();
  }

  /**
   * Waits until every job of the submission has a result ({@code true}), or {@code timeout} passes
   * ({@code false}). A channel that fails or closes first is {@code MINER_REALTIME_FAILED}.
   */
  public boolean awaitDone(Duration timeout) {
    try {
      boolean finished = done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      KinitroException f = failure.get();
      if (f != null && !state.get().done()) {
        throw f;
      }
      return finished && state.get().done();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    WebSocket s = socket;
    if (s != null && !s.isOutputClosed()) {
      try {
        s.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
      } catch (Exception e) {
        s.abort();
      }
    }
    done.countDown();
  }

  private void subscribe(WebSocket ws, String requestId, List<EventType> types, SubscriptionFilter filter) {
    ws.sendText(codec.encode(new Subscribe(requestId, types, filter)), true);
  }

  private void handle(WebSocket ws, String frame) {
    DecodeResult<RealtimeMessage> decoded = codec.decode(frame);
    if (!(decoded instanceof DecodeResult.Decoded<RealtimeMessage>(RealtimeMessage message))) {
      return; // a frame this version does not know: ignore it, as the protocol asks
    }
    switch (message) {
      case Welcome w -> subscribe(ws, "submission", SUBMISSION_EVENTS, new SubscriptionFilter(Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(submissionId)));
      case Event e -> {
        EventPayload payload = e.payload();
        if (payload instanceof EventPayload.JobCreated c && followedJobs.add(c.jobId())) {
          subscribe(ws, "job-" + c.jobId(), JOB_EVENTS, new SubscriptionFilter(Optional.empty(), Optional.empty(),
              Optional.empty(), Optional.of(c.jobId()), Optional.empty()));
        }
        SubmissionProgress next = state.updateAndGet(s -> s.with(payload));
        listener.event(payload, next);
        if (next.done()) {
          done.countDown();
        }
      }
      case RealtimeError err -> {
        failure.set(new KinitroException(ErrorCode.MINER_REALTIME_FAILED, "the backend refused a subscription: "
            + err.name() + " (" + err.code() + "): " + err.message()));
        done.countDown();
      }
      default -> {
        // acks and pongs need no action
      }
    }
  }

  /** Assembles text frames and feeds them to {@link #handle}. */
  private final class Receiver implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        try {
          handle(ws, frame);
        } catch (RuntimeException e) {
          failure.compareAndSet(null, new KinitroException(ErrorCode.MINER_REALTIME_FAILED,
              "could not process a realtime frame: " + e, e));
          done.countDown();
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      failure.compareAndSet(null, new KinitroException(ErrorCode.MINER_REALTIME_FAILED, "the backend closed the realtime "
          + "channel (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason) + ") before every job had a result"));
      done.countDown();
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      failure.compareAndSet(null, new KinitroException(ErrorCode.MINER_REALTIME_FAILED, "the realtime channel failed: "
          + error, error));
      done.countDown();
    }
  }
}
