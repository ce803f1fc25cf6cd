package ai.kinitro.desktop.testing;

import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.validator.AckOutcome;
import ai.kinitro.common.protocol.validator.AuthChallenge;
import ai.kinitro.common.protocol.validator.DeliveryAck;
import ai.kinitro.common.protocol.validator.EpisodeData;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.common.protocol.validator.EvalResult;
import ai.kinitro.common.protocol.validator.Heartbeat;
import ai.kinitro.common.protocol.validator.JobStatusUpdate;
import ai.kinitro.common.protocol.validator.Register;
import ai.kinitro.common.protocol.validator.RegistrationAck;
import ai.kinitro.common.protocol.validator.ResultAck;
import ai.kinitro.common.protocol.validator.TaskResult;
import ai.kinitro.common.protocol.validator.TaskSpec;
import ai.kinitro.common.protocol.validator.Timings;
import ai.kinitro.common.protocol.validator.ValidatorError;
import ai.kinitro.common.protocol.validator.ValidatorMessage;
import ai.kinitro.common.protocol.validator.ValidatorProtocol;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A small validator for end-to-end tests: it opens the backend's real {@code /ws/validator} channel
 * with the protocol records and codec of {@code common}, registers with a dev key (sr25519-signed
 * challenge, an API key bound to the hotkey), sends heartbeats, acks every {@code eval_job} as
 * stored and then "evaluates" it: {@code job_status_update} RUNNING, one {@code episode_data} per
 * episode of the job's task set (rewards from {@link Scores}), and a COMPLETED {@code eval_result}
 * whose metrics are those episodes' means. Nothing is run; the point is that the backend gets a
 * validator's real messages and does its own ingestion, scoring and events.
 */
public final class TestValidator implements AutoCloseable {
  /** Episode rewards a job gets: the first episode's, then {@code step} more for each further one. */
  public record Scores(double first, double step, boolean success) {}

  private final ProtocolCodec<ValidatorMessage> codec = ValidatorProtocol.validatorCodec();
  private final Sr25519KeyPair key;
  private final String hotkey;
  private final String apiKey;
  private final Function<EvalJob, Scores> scores;
  private final Duration episodePause;
  private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService work = Executors.newSingleThreadExecutor();
  private final CompletableFuture<RegistrationAck> registered = new CompletableFuture<>();
  private final List<EvalJob> jobs = new CopyOnWriteArrayList<>();
  private final List<ResultAck> acks = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private volatile WebSocket socket;

  private TestValidator(URI backend, String secretUri, String apiKey, Function<EvalJob, Scores> scores, Duration episodePause) {
    this.key = SecretUri.parse(secretUri);
    this.hotkey = Ss58.encode(key.publicKey());
    this.apiKey = apiKey;
    this.scores = scores;
    this.episodePause = episodePause;
    URI ws = URI.create("ws://" + backend.getHost() + ":" + backend.getPort() + ValidatorProtocol.PATH);
    HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws, new Listener()).join();
  }

  /**
   * Connects as the validator of {@code secretUri} (e.g. {@code //Bob}, which holds a permit on the
   * dev chain) and waits for {@code registration_ack}.
   */
  public static TestValidator connect(URI backend, String secretUri, String apiKey, Function<EvalJob, Scores> scores,
      Duration episodePause) {
    TestValidator v = new TestValidator(backend, secretUri, apiKey, scores, episodePause);
    try {
      v.registered.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      v.close();
      throw new AssertionError("the validator " + v.hotkey + " did not register: " + v.errors, e);
    }
    return v;
  }

  public String hotkey() {
    return hotkey;
  }

  /** Every {@code eval_job} received. */
  public List<EvalJob> jobs() {
    return List.copyOf(jobs);
  }

  /** Every {@code result_ack} received. */
  public List<ResultAck> acks() {
    return List.copyOf(acks);
  }

  /** Every {@code error} received or decoding problem. */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      socket = webSocket;
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        onFrame(frame);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      errors.add("socket: " + error);
      registered.completeExceptionally(error);
    }
  }

  private void onFrame(String frame) {
    DecodeResult<ValidatorMessage> decoded = codec.decode(frame);
    if (!(decoded instanceof DecodeResult.Decoded<ValidatorMessage>(ValidatorMessage message))) {
      errors.add("undecodable: " + frame);
      return;
    }
    switch (message) {
      case AuthChallenge c -> {
        Instant now = Instant.now();
        byte[] signature = key.sign(Register.signingPayload(c.nonce(), hotkey, now));
        send(Register.signed(hotkey, apiKey, c.nonce(), now, signature));
      }
      case RegistrationAck a -> {
        long every = Math.max(1, a.heartbeatIntervalSeconds() / 2);
        heartbeats.scheduleAtFixedRate(() -> send(new Heartbeat(Instant.now(), 0, 0)), every, every, TimeUnit.SECONDS);
        registered.complete(a);
      }
      case EvalJob job -> {
        send(new DeliveryAck(job.messageId(), AckOutcome.STORED, Optional.empty()));
        if (jobs.stream().noneMatch(j -> j.jobId() == job.jobId())) {
          jobs.add(job);
          work.execute(() -> evaluate(job, Instant.now()));
        }
      }
      case ResultAck a -> acks.add(a);
      case ValidatorError e -> errors.add(e.name() + ": " + e.message());
      default -> {
        // heartbeat acks, set_weights: nothing to do
      }
    }
  }

  private void evaluate(EvalJob job, Instant received) {
    Scores s = scores.apply(job);
    Instant started = Instant.now();
    send(new JobStatusUpdate(UUID.randomUUID(), job.jobId(), EvaluationStatus.RUNNING, Optional.of("test validator"), started));
    List<TaskResult> tasks = new ArrayList<>();
    int index = 0;
    double sum = 0;
    int successes = 0;
    for (TaskSpec task : job.benchmark().tasks()) {
      double taskSum = 0;
      for (int e = 0; e < job.benchmark().episodesPerTask(); e++) {
        pause();
        double reward = s.first() + s.step() * index++;
        Instant end = Instant.now();
        send(new EpisodeData(UUID.randomUUID(), job.jobId(), task.taskId(), e, s.success(), reward, 50, end.minusMillis(100), end,
            JsonNodeFactory.instance.objectNode()));
        taskSum += reward;
        sum += reward;
        successes += s.success() ? 1 : 0;
      }
      int n = job.benchmark().episodesPerTask();
      tasks.add(new TaskResult(task.taskId(), n, s.success() ? n : 0, 0, n == 0 ? 0 : taskSum / n, 50));
    }
    double avg = index == 0 ? 0 : sum / index;
    double rate = index == 0 ? 0 : (double) successes / index;
    send(new EvalResult(UUID.randomUUID(), job.jobId(), EvaluationStatus.COMPLETED,
        Optional.of(new Metrics(Math.max(0, avg), rate, avg, index)), tasks, Optional.empty(),
        new Timings(received, Optional.of(started), Instant.now())));
  }

  private void pause() {
    try {
      Thread.sleep(episodePause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void send(ValidatorMessage message) {
    try {
      socket.sendText(codec.encode(message), true).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      errors.add("send " + message.getClass().getSimpleName() + ": " + e);
    }
  }

  @Override
  public void close() {
    heartbeats.shutdownNow();
    work.shutdownNow();
    if (socket != null) {
      socket.abort();
    }
  }
}
