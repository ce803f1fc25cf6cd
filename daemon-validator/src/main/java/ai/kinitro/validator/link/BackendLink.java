package ai.kinitro.validator.link;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ErrorDetail;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.validator.AckOutcome;
import ai.kinitro.common.protocol.validator.AuthChallenge;
import ai.kinitro.common.protocol.validator.DeliveryAck;
import ai.kinitro.common.protocol.validator.EpisodeData;
import ai.kinitro.common.protocol.validator.EpisodeStepData;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.common.protocol.validator.EvalResult;
import ai.kinitro.common.protocol.validator.Heartbeat;
import ai.kinitro.common.protocol.validator.HeartbeatAck;
import ai.kinitro.common.protocol.validator.JobStatusUpdate;
import ai.kinitro.common.protocol.validator.Register;
import ai.kinitro.common.protocol.validator.RegistrationAck;
import ai.kinitro.common.protocol.validator.ResultAck;
import ai.kinitro.common.protocol.validator.SetWeights;
import ai.kinitro.common.protocol.validator.ValidatorError;
import ai.kinitro.common.protocol.validator.ValidatorMessage;
import ai.kinitro.queue.BackgroundLoop;
import ai.kinitro.queue.job.QueueStats;
import ai.kinitro.queue.notify.Wakeups;
import ai.kinitro.validator.config.BackendProperties;
import ai.kinitro.validator.identity.ValidatorIdentity;
import ai.kinitro.validator.intake.JobIntake;
import ai.kinitro.validator.relay.OutboxRelay;
import ai.kinitro.validator.weights.WeightsInbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection manager. Its thread ({@code validator-link}) connects, authenticates, runs the
 * session until the connection ends, then waits a jittered exponential backoff and connects again,
 * forever, until {@link #close()}.
 *
 * <p>Per session: the relay ({@code validator-relay}) and the heartbeat ({@code
 * validator-heartbeat}) run on their own threads; the link thread reads and dispatches frames.
 * Shutdown order: stop the relay (no new sends), close the socket, stop the heartbeat last.
 */
public final class BackendLink implements AutoCloseable {
  /** Metric: connection attempts after the first. */
  public static final String RECONNECTS = "kinitro.link.reconnects";
  /** Metric: frames from the backend we could not decode, or refused. */
  public static final String INBOUND_REJECTED = "kinitro.link.inbound.rejected";

  private static final Logger LOG = LoggerFactory.getLogger(BackendLink.class);
  private static final Duration RECEIVE_SLICE = Duration.ofMillis(500);
  private static final int MISSED_HEARTBEATS = 3;

  private final BackendProperties settings;
  private final ValidatorIdentity identity;
  private final ProtocolCodec<ValidatorMessage> codec;
  private final JobIntake intake;
  private final WeightsInbox weights;
  private final int netuid;
  private final OutboxRelay relay;
  private final Wakeups wakeups;
  private final Supplier<QueueStats> load;
  private final InstantSource clock;
  private final Backoff backoff;
  private final MeterRegistry metrics;
  private final Counter reconnects;
  private final ExecutorService httpExecutor;
  private final HttpClient http;
  private final AtomicReference<LinkState> state;
  private final AtomicReference<WsConnection> current = new AtomicReference<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private volatile boolean running;
  private Thread thread;

  public BackendLink(BackendProperties settings, ValidatorIdentity identity, ProtocolCodec<ValidatorMessage> codec,
      JobIntake intake, WeightsInbox weights, int netuid, OutboxRelay relay, Wakeups wakeups, Supplier<QueueStats> load,
      InstantSource clock, RandomGenerator random, MeterRegistry metrics) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.intake = Objects.requireNonNull(intake, "intake");
    this.weights = Objects.requireNonNull(weights, "weights");
    this.netuid = netuid;
    this.relay = Objects.requireNonNull(relay, "relay");
    this.wakeups = Objects.requireNonNull(wakeups, "wakeups");
    this.load = Objects.requireNonNull(load, "load");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backoff = new Backoff(settings.reconnectInitialDelay(), settings.reconnectMaxDelay(), random);
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.reconnects = Counter.builder(RECONNECTS).description("Connection attempts to the backend after the first").register(metrics);
    this.httpExecutor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("validator-ws-", 1).factory());
    this.http = HttpClient.newBuilder().executor(httpExecutor).connectTimeout(settings.connectTimeout()).build();
    this.state = new AtomicReference<>(new LinkState(LinkState.Status.STOPPED, clock.instant(), Optional.empty(), Optional.empty(), 0));
    metrics.gauge("kinitro.link.connected", this, l -> l.state().status() == LinkState.Status.REGISTERED ? 1 : 0);
  }

  /** Starts the {@code validator-link} thread. */
  public synchronized BackendLink start() {
    if (settings.apiKey() == null) {
      throw new KinitroException(ErrorCode.VALIDATOR_CONFIG_INVALID,
          "setting kinitro.validator.backend.api-key is required in full mode (KINITRO_VALIDATOR_BACKEND_API_KEY)");
    }
    if (thread == null) {
      running = true;
      thread = Thread.ofPlatform().name("validator-link").unstarted(this::loop);
      thread.start();
    }
    return this;
  }

  /** The link's state now. */
  public LinkState state() {
    return state.get();
  }

  private void loop() {
    int failures = 0;
    while (running) {
      if (attempts.getAndIncrement() > 0) {
        reconnects.increment();
      }
      String error = null;
      try {
        connectOnce();
        failures = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (!running) {
          break;
        }
        Thread.interrupted();
      } catch (RuntimeException e) {
        error = e.getMessage();
        if (running) {
          LOG.warn("Backend link: {}", e.toString());
        }
      }
      if (!running) {
        break;
      }
      failures++;
      Duration delay = backoff.delayAfter(failures);
      setState(LinkState.Status.BACKING_OFF, Optional.empty(), Optional.ofNullable(error).or(() -> state().lastError()));
      LOG.info("Reconnecting to {} in {} ms (attempt {})", settings.url(), delay.toMillis(), failures + 1);
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        if (!running) {
          break;
        }
      }
    }
    setState(LinkState.Status.STOPPED, Optional.empty(), state().lastError());
  }

  /**
   * One connection: connect, authenticate, run the session until the connection ends.
   *
   * @throws KinitroException BACKEND_UNREACHABLE or BACKEND_HANDSHAKE_FAILED when it ends
   */
  void connectOnce() throws InterruptedException {
    setState(LinkState.Status.CONNECTING, Optional.empty(), state().lastError());
    try (WsConnection connection = WsConnection.open(http, settings.url(), settings.connectTimeout())) {
      current.set(connection);
      if (!running) {
        return;
      }
      RegistrationAck ack = handshake(connection);
      setState(LinkState.Status.REGISTERED, Optional.of(ack.connectionId()), Optional.empty());
      LOG.info("Registered with the backend as {} (connection {}, heartbeat every {} s)", identity.hotkey(),
          ack.connectionId(), ack.heartbeatIntervalSeconds());
      runSession(connection, Duration.ofSeconds(ack.heartbeatIntervalSeconds()));
    } finally {
      current.set(null);
    }
  }

  private RegistrationAck handshake(WsConnection connection) throws InterruptedException {
    AuthChallenge challenge = switch (expect(connection, "auth_challenge")) {
      case AuthChallenge c -> c;
      case ValidatorError e -> throw refused(e);
      case ValidatorMessage other -> throw unexpected(other, "auth_challenge");
    };
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    byte[] signature = identity.signer().sign(Register.signingPayload(challenge.nonce(), identity.hotkey(), now));
    connection.send(codec.encode(Register.signed(identity.hotkey(), settings.apiKey(), challenge.nonce(), now, signature)));
    return switch (expect(connection, "registration_ack")) {
      case RegistrationAck a -> a;
      case ValidatorError e -> throw refused(e);
      case ValidatorMessage other -> throw unexpected(other, "registration_ack");
    };
  }

  private ValidatorMessage expect(WsConnection connection, String what) throws InterruptedException {
    long deadline = System.nanoTime() + settings.handshakeTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> frame = connection.receive(RECEIVE_SLICE);
      if (frame.isPresent()) {
        return switch (codec.decode(frame.get())) {
          case DecodeResult.Decoded<ValidatorMessage> d -> d.message();
          case DecodeResult.Rejected<ValidatorMessage> r -> throw new KinitroException(ErrorCode.BACKEND_HANDSHAKE_FAILED,
              "the backend sent an unreadable frame instead of " + what + ": " + r.code() + " " + r.reason());
        };
      }
    }
    throw new KinitroException(ErrorCode.BACKEND_HANDSHAKE_FAILED, "no " + what + " from the backend within " + settings.handshakeTimeout());
  }

  private static KinitroException refused(ValidatorError e) {
    return new KinitroException(ErrorCode.BACKEND_HANDSHAKE_FAILED, "the backend refused the registration with " + e.code() + " "
        + e.name() + ": " + e.message() + " (check the API key, that it is bound to this hotkey, and the hotkey's permit)");
  }

  private static KinitroException unexpected(ValidatorMessage m, String what) {
    return new KinitroException(ErrorCode.BACKEND_HANDSHAKE_FAILED, "expected " + what + " but the backend sent " + m.type().wireName());
  }

  private void runSession(WsConnection connection, Duration heartbeat) throws InterruptedException {
    relay.onConnected();
    BackgroundLoop relayLoop = BackgroundLoop.start("validator-relay",
        () -> connection.isOpen() && relay.relayOnce(connection::send),
        () -> wakeups.await(relay.topic(), settings.relayPollInterval()));
    BackgroundLoop heartbeatLoop = BackgroundLoop.start("validator-heartbeat",
        () -> {
          sendHeartbeat(connection);
          return false;
        },
        BackgroundLoop.Pause.sleep(heartbeat));
    try {
      long silentLimit = heartbeat.multipliedBy(MISSED_HEARTBEATS).toNanos();
      long lastReceived = System.nanoTime();
      while (running) {
        Optional<String> frame = connection.receive(RECEIVE_SLICE);
        if (frame.isPresent()) {
          lastReceived = System.nanoTime();
          handle(frame.get(), connection);
        } else if (System.nanoTime() - lastReceived > silentLimit) {
          throw new KinitroException(ErrorCode.BACKEND_UNREACHABLE,
              "no frame from the backend for " + MISSED_HEARTBEATS + " heartbeat intervals; reconnecting");
        }
      }
    } finally {
      relayLoop.stop(Duration.ofSeconds(10));
      connection.close();
      heartbeatLoop.stop(Duration.ofSeconds(5));
    }
  }

  private void sendHeartbeat(WsConnection connection) throws InterruptedException {
    if (!connection.isOpen()) {
      return;
    }
    QueueStats stats;
    try {
      stats = load.get();
    } catch (RuntimeException e) {
      stats = new QueueStats(0, 0, 0, Optional.empty());
    }
    connection.send(codec.encode(new Heartbeat(clock.instant(), (int) Math.min(Integer.MAX_VALUE, stats.ready()),
        (int) Math.min(Integer.MAX_VALUE, stats.running()))));
  }

  /** Decodes and dispatches one frame; a failure of one message never ends the session. */
  private void handle(String frame, WsConnection connection) throws InterruptedException {
    switch (codec.decode(frame)) {
      case DecodeResult.Rejected<ValidatorMessage> r -> {
        metrics.counter(INBOUND_REJECTED, "code", Integer.toString(r.code().number())).increment();
        LOG.warn("Refusing a frame from the backend: {} {}", r.code(), r.reason());
        connection.send(codec.encode(ValidatorError.from(r)));
      }
      case DecodeResult.Decoded<ValidatorMessage> d -> {
        try {
          dispatch(d.message(), connection);
        } catch (KinitroException e) {
          if (e.code() == ErrorCode.BACKEND_UNREACHABLE) {
            throw e;
          }
          metrics.counter(INBOUND_REJECTED, "code", Integer.toString(e.code().number())).increment();
          LOG.error("Could not handle {} from the backend (it will be redelivered if it was durable): {}",
              d.message().type().wireName(), e.getMessage(), e);
        }
      }
    }
  }

  private void dispatch(ValidatorMessage message, WsConnection connection) throws InterruptedException {
    switch (message) {
      case EvalJob job -> {
        AckOutcome outcome = intake.store(job);
        connection.send(codec.encode(new DeliveryAck(job.messageId(), outcome, Optional.empty())));
      }
      case SetWeights snapshot -> {
        if (snapshot.netuid() != netuid) {
          connection.send(codec.encode(new DeliveryAck(snapshot.messageId(), AckOutcome.REJECTED, Optional.of(ErrorDetail.of(
              ErrorCode.INVALID_ARGUMENT, "this validator sets weights on netuid " + netuid + ", not " + snapshot.netuid())))));
        } else {
          AckOutcome outcome = weights.store(snapshot);
          connection.send(codec.encode(new DeliveryAck(snapshot.messageId(), outcome, Optional.empty())));
        }
      }
      case ResultAck ack -> relay.onAck(ack);
      case ValidatorError error -> relay.onError(error);
      case HeartbeatAck ack -> LOG.debug("Heartbeat round trip {} ms",
          Duration.between(ack.heartbeatTimestamp(), clock.instant()).toMillis());
      case AuthChallenge c -> LOG.warn("Ignoring an auth_challenge after registration");
      case RegistrationAck a -> LOG.warn("Ignoring a second registration_ack (connection {})", a.connectionId());
      case Register r -> refuseUnexpected(connection, "register");
      case Heartbeat h -> refuseUnexpected(connection, "heartbeat");
      case DeliveryAck a -> refuseUnexpected(connection, "delivery_ack");
      case JobStatusUpdate u -> refuseUnexpected(connection, "job_status_update");
      case EvalResult r -> refuseUnexpected(connection, "eval_result");
      case EpisodeData e -> refuseUnexpected(connection, "episode_data");
      case EpisodeStepData s -> refuseUnexpected(connection, "episode_step_data");
    }
  }

  private void refuseUnexpected(WsConnection connection, String type) throws InterruptedException {
    connection.send(codec.encode(ValidatorError.of(ErrorCode.UNEXPECTED_MESSAGE, "'" + type + "' is never sent by the backend",
        Optional.empty())));
  }

  private void setState(LinkState.Status status, Optional<String> connectionId, Optional<String> lastError) {
    state.updateAndGet(s -> new LinkState(status, s.status() == status ? s.since() : clock.instant(), connectionId, lastError,
        Math.max(0, attempts.get() - 1)));
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
      thread = null;
    }
    WsConnection c = current.get();
    if (c != null) {
      c.close();
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(Duration.ofSeconds(15));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // HttpClient.close() waits for every exchange and WebSocket to finish, with no bound: a socket
    // still opening when a failed start-up stops the link kept it (and the context) waiting forever.
    http.shutdownNow();
    try {
      if (!http.awaitTermination(Duration.ofSeconds(5))) {
        LOG.warn("The backend HTTP client did not terminate within 5 s; going on");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    httpExecutor.shutdownNow();
  }
}
