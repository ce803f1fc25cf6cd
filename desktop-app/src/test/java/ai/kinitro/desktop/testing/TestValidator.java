package ai.kinitro.desktop.testing;

import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.common.protocol.ObservationRef;
import ai.kinitro.common.protocol.StepRecord;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.validator.AckOutcome;
import ai.kinitro.common.protocol.validator.AuthChallenge;
import ai.kinitro.common.protocol.validator.DeliveryAck;
import ai.kinitro.common.protocol.validator.EpisodeData;
import ai.kinitro.common.protocol.validator.EpisodeStepData;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A small validator for end-to-end tests: it opens the backend's real {@code /ws/validator} channel
 * with the protocol records and codec of {@code common}, registers with a dev key (sr25519-signed
 * challenge, an API key bound to the hotkey), sends heartbeats, acks every {@code eval_job} as
 * stored and then "evaluates" it: {@code job_status_update} RUNNING, one {@code episode_data} per
 * episode of the job's task set (rewards from {@link Scores}), and a COMPLETED {@code eval_result}
 * whose metrics are those episodes' means. Nothing is run; the point is that the backend gets a
 * validator's real messages and does its own ingestion, scoring and events.
 *
 * <p>With a {@link FrameBucket}, each episode also logs its first {@value #FRAME_STEPS} steps
 * ({@code episode_step_data}) with a real CartPole frame ({@link Frames}) that the validator stores
 * as PNG in that bucket first, under {@code observations/…} as the evaluator does; the refs carry no
 * URL, so only the backend can make them loadable.
 */
public final class TestValidator implements AutoCloseable {
  /** Episode rewards a job gets: the first episode's, then {@code step} more for each further one. */
  public record Scores(double first, double step, boolean success) {}

  /** An S3 bucket the validator stores frames in (with path-style addressing, as s3proxy needs). */
  public record FrameBucket(URI endpoint, String region, String bucket, String accessKey, String secretKey) {}

  /** Logged steps per episode when frames are stored. */
  public static final int FRAME_STEPS = 6;
  /** Side of the stored square frames, in pixels. */
  public static final int FRAME_SIZE = 84;

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
  private final Optional<FrameBucket> frameBucket;
  private final Optional<S3Client> s3;
  private final Map<String, byte[]> storedFrames = new ConcurrentHashMap<>();
  private volatile WebSocket socket;

  private TestValidator(URI backend, String secretUri, String apiKey, Function<EvalJob, Scores> scores, Duration episodePause,
      Optional<FrameBucket> frames) {
    this.frameBucket = frames;
    this.s3 = frames.map(f -> S3Client.builder().endpointOverride(f.endpoint()).region(Region.of(f.region()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(f.accessKey(), f.secretKey())))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .httpClient(UrlConnectionHttpClient.create()).build());
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
    return connect(backend, secretUri, apiKey, scores, episodePause, Optional.empty());
  }

  /** As {@link #connect(URI, String, String, Function, Duration)}, storing and logging frames in {@code frames}. */
  public static TestValidator connect(URI backend, String secretUri, String apiKey, Function<EvalJob, Scores> scores,
      Duration episodePause, Optional<FrameBucket> frames) {
    TestValidator v = new TestValidator(backend, secretUri, apiKey, scores, episodePause, frames);
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

  /** Every frame stored in the frame bucket: its PNG by object key. */
  public Map<String, byte[]> storedFrames() {
    return Map.copyOf(storedFrames);
  }

  /** Deletes a stored frame from the bucket (as an operator's retention rule would), so its URLs answer 404. */
  public void deleteStoredFrame(String objectKey) {
    s3.orElseThrow().deleteObject(b -> b.bucket(frameBucket.orElseThrow().bucket()).key(objectKey));
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
        if (frameBucket.isPresent()) {
          logSteps(job, task.taskId(), e);
        }
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

  /** Stores the episode's first frames in the bucket and logs the steps that reference them. */
  private void logSteps(EvalJob job, String taskId, int episode) {
    String bucket = frameBucket.orElseThrow().bucket();
    List<byte[]> pngs = Frames.cartPole(job.jobId() + episode, FRAME_STEPS, FRAME_SIZE);
    List<StepRecord> steps = new ArrayList<>();
    Instant t = Instant.now();
    for (int i = 0; i < pngs.size(); i++) {
      String objectKey = String.format(Locale.ROOT, "observations/%d/%d/%s/episode_%04d/step_%06d_%s.png", job.submissionId(),
          job.jobId(), taskId, episode, i, Frames.CAMERA);
      byte[] png = pngs.get(i);
      s3.orElseThrow().putObject(b -> b.bucket(bucket).key(objectKey).contentType("image/png"), RequestBody.fromBytes(png));
      storedFrames.put(objectKey, png);
      steps.add(new StepRecord(i, JsonNodeFactory.instance.arrayNode().add((i / 2) % 2), 1.0, false, false,
          List.of(new ObservationRef(Frames.CAMERA, bucket, objectKey, Optional.empty())), JsonNodeFactory.instance.objectNode(),
          t.plusMillis(20L * i)));
    }
    send(new EpisodeStepData(UUID.randomUUID(), job.jobId(), taskId, episode, steps));
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
    s3.ifPresent(S3Client::close);
    heartbeats.shutdownNow();
    work.shutdownNow();
    if (socket != null) {
      socket.abort();
    }
  }
}
