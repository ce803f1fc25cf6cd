package ai.kinitro.backend.edge;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.realtime.RealtimeListener;
import ai.kinitro.backend.realtime.RealtimePublisher;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.validator.Register;
import ai.kinitro.common.protocol.validator.ValidatorProtocol;
import ai.kinitro.testsupport.process.DaemonProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Benchmarks of the backend's edges, over real WebSockets on loopback (excluded from the default
 * run; see docs/benchmarks-backend.md for the command and the recorded numbers).
 */
@Tag("bench")
class BackendBench extends EdgeIntegrationTest {
  private static final Logger LOG = LoggerFactory.getLogger(BackendBench.class);
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** The production step sampling (the other tests publish every step). */
  @org.springframework.test.context.DynamicPropertySource
  static void productionSampling(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("kinitro.realtime.step-sample-every", () -> "10");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdGenerator ids;
  @Autowired RealtimePublisher publisher;
  @Autowired RealtimeListener listener;
  @Autowired ai.kinitro.backend.ws.validator.ValidatorChannel channel;

  @Test
  void resultAndStepIngestionThroughput() throws Exception {
    int results = Integer.getInteger("bench.results", 5_000);
    int stepMessages = Integer.getInteger("bench.stepMessages", 1_000);
    int stepsPerMessage = 100;
    Sr25519KeyPair key = SecretUri.parse("//Bench//validator");
    String hotkey = Ss58.encode(key.publicKey());
    CHAIN.register(hotkey, true);
    String apiKey = "kin_bench_" + UUID.randomUUID();
    Fixtures.apiKey(jdbc, ids, apiKey, "validator", hotkey);
    long competition = Fixtures.competition(jdbc, ids, null, null, null);
    long submission = ids.next();
    jdbc.update("""
        INSERT INTO submission_uploads (id, miner_hotkey, competition_id, version, artifact_object_key, artifact_sha256,
                                        artifact_size_bytes, status, expires_at, holdout_seconds)
        VALUES (?, ?, ?, 'bench', 'k', ?, 1, 'PROCESSED', now() + interval '1 day', 0)""", submission, hotkey, competition, "00".repeat(32));
    jdbc.update("""
        INSERT INTO submissions (id, miner_hotkey, competition_id, version, artifact_object_key, artifact_sha256, artifact_size_bytes,
                                 holdout_release_at) VALUES (?, ?, ?, 'bench', 'k', ?, 1, now())""", submission, hotkey, competition, "00".repeat(32));
    jdbc.update("INSERT INTO validators (hotkey) VALUES (?) ON CONFLICT DO NOTHING", hotkey);
    long firstJob = ids.next() + 1_000_000;
    jdbc.update("""
        INSERT INTO jobs (id, submission_id, competition_id, miner_hotkey, provider, benchmark_name, spec, tasks)
        SELECT ? + g, ?, ?, ?, 'classic', 'b' || g, ('{"name":"b' || g || '","suite":"classic","tasks":["classic/CartPole-v1"],'
                 || '"variants_per_task":1,"episodes_per_task":1,"max_episode_steps":100,"cameras":["default"],"image_size":84}')::jsonb,
               '[{"task_id":"classic/CartPole-v1:0","env_name":"classic/CartPole-v1","seed":"1"}]'::jsonb FROM generate_series(0, ? - 1) g""",
        firstJob, submission, competition, hotkey, results);
    jdbc.update("""
        INSERT INTO job_assignments (id, job_id, validator_hotkey, status, attempts, acked_message_id, total_episodes)
        SELECT ? + g, ? + g, ?, 'RUNNING', 1, gen_random_uuid(), 1 FROM generate_series(0, ? - 1) g""",
        firstJob + 10_000_000L, firstJob, hotkey, results);

    AtomicInteger acks = new AtomicInteger();
    WebSocket socket = validatorSocket(key, hotkey, apiKey, acks);
    Instant t = Instant.now();
    String timings = "\"timings\":{\"received_at\":\"" + t + "\",\"started_at\":\"" + t + "\",\"finished_at\":\"" + t + "\"}";

    long start = System.nanoTime();
    for (int i = 0; i < results; i++) {
      socket.sendText("{\"type\":\"eval_result\",\"message_id\":\"" + UUID.randomUUID() + "\",\"job_id\":\"" + (firstJob + i)
          + "\",\"status\":\"COMPLETED\",\"metrics\":{\"score\":1.0,\"success_rate\":1.0,\"avg_reward\":1.0,\"total_episodes\":1},"
          + "\"tasks\":[]," + timings + "}", true).join();
    }
    Awaitility.await().atMost(Duration.ofMinutes(5)).until(() -> acks.get() >= results);
    double resultsPerSecond = results / ((System.nanoTime() - start) / 1e9);
    LOG.info("BENCH results: sent in {} ms; {}", (System.nanoTime() - start) / 1_000_000, channel.ingestBatchStats());

    StringBuilder steps = new StringBuilder();
    acks.set(0);
    long stepStart = System.nanoTime();
    for (int m = 0; m < stepMessages; m++) {
      steps.setLength(0);
      for (int s = 0; s < stepsPerMessage; s++) {
        if (s > 0) {
          steps.append(',');
        }
        steps.append("{\"step\":").append(s).append(",\"action\":[0.1,-0.2],\"reward\":0.5,\"done\":false,\"truncated\":false,")
            .append("\"observation_refs\":[],\"info\":{},\"timestamp\":\"").append(t).append("\"}");
      }
      socket.sendText("{\"type\":\"episode_step_data\",\"message_id\":\"" + UUID.randomUUID() + "\",\"job_id\":\""
          + (firstJob + (m % results)) + "\",\"task_id\":\"t_0\",\"episode_index\":" + (m / results) + ",\"steps\":[" + steps + "]}", true).join();
    }
    Awaitility.await().atMost(Duration.ofMinutes(5)).until(() -> acks.get() >= stepMessages);
    double stepsPerSecond = (double) stepMessages * stepsPerMessage / ((System.nanoTime() - stepStart) / 1e9);
    LOG.info("BENCH steps: {}", channel.ingestBatchStats());
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();

    LOG.info("BENCH ingestion: {} results in {} -> {} results/s; {} step logs -> {} step logs/s",
        results, "", String.format("%.0f", resultsPerSecond), stepMessages * stepsPerMessage, String.format("%.0f", stepsPerSecond));
    write("ingestion", Map.of("results", results, "results_per_second", Math.round(resultsPerSecond),
        "step_logs", stepMessages * stepsPerMessage, "step_logs_per_second", Math.round(stepsPerSecond)));
  }

  @Test
  void fanOutLatencyToAThousandSubscribers() throws Exception {
    int subscribers = Integer.getInteger("bench.subscribers", 1_000);
    int events = Integer.getInteger("bench.events", 50);
    Awaitility.await().atMost(WAIT).until(listener::listening);
    HttpClient http = HttpClient.newHttpClient();
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch received = new CountDownLatch(subscribers * events);
    CountDownLatch acked = new CountDownLatch(subscribers);
    List<WebSocket> sockets = new ArrayList<>();
    String hotkey = Ss58.encode(SecretUri.parse("//Bench//fanout").publicKey());
    for (int i = 0; i < subscribers; i++) {
      WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/client"), new WebSocket.Listener() {
        final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
          partial.append(data);
          if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            if (frame.contains("\"subscription_ack\"")) {
              acked.countDown();
            } else if (frame.contains("\"validator_connected\"")) {
              int at = frame.indexOf("\"connection_id\":\"") + 17;
              Long sent = sentAt.get(frame.substring(at, frame.indexOf('"', at)));
              if (sent != null) {
                latencies.add(System.nanoTime() - sent);
                received.countDown();
              }
            }
          }
          w.request(1);
          return null;
        }
      }).get(10, TimeUnit.SECONDS);
      ws.sendText("{\"type\":\"subscribe\",\"request_id\":\"r\",\"event_types\":[\"validator_connected\"],"
          + "\"filters\":{\"validator_hotkey\":\"" + hotkey + "\"}}", true);
      sockets.add(ws);
    }
    acked.await(60, TimeUnit.SECONDS);
    for (int e = 0; e < events; e++) {
      String id = "c-bench-" + e;
      sentAt.put(id, System.nanoTime());
      publisher.publish(new EventPayload.ValidatorConnected(hotkey, id, Instant.now()));
      Thread.sleep(100);
    }
    boolean all = received.await(60, TimeUnit.SECONDS);
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    double p50 = sorted[sorted.length / 2] / 1e6;
    double p99 = sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
    double max = sorted[sorted.length - 1] / 1e6;
    sockets.forEach(WebSocket::abort);
    LOG.info("BENCH fan-out: {} subscribers x {} events, all delivered: {}, p50 {} ms, p99 {} ms, max {} ms",
        subscribers, events, all, String.format("%.1f", p50), String.format("%.1f", p99), String.format("%.1f", max));
    write("fanout", Map.of("subscribers", subscribers, "events", events, "delivered", sorted.length,
        "p50_ms", String.format("%.1f", p50), "p99_ms", String.format("%.1f", p99), "max_ms", String.format("%.1f", max)));
  }

  /** Idle RSS of the packaged backend jar (run {@code package} first), embedded PostgreSQL excluded. */
  @Test
  void idleResidentMemoryOfThePackagedJar() throws Exception {
    Path jar = Path.of("target", "kinitro-backend.jar");
    if (!Files.isRegularFile(jar)) {
      LOG.warn("BENCH idle RSS skipped: {} missing (run ./mvnw -pl daemon-backend -am package -DskipTests first)", jar);
      return;
    }
    Path state = Files.createTempDirectory("kinitro-bench-state");
    try (DaemonProcess daemon = DaemonProcess.start(jar, "server.port", List.of("--kinitro.state-dir=" + state), Map.of(),
        Path.of("target", "bench-logs"))) {
      daemon.awaitHttpOk("/actuator/health", Duration.ofSeconds(120));
      Thread.sleep(20_000);
      long pid = ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().map(c -> c.contains("kinitro-backend.jar") && c.contains(state.toString())).orElse(false))
          .findFirst().orElseThrow().pid();
      String rss = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS")).findFirst()
          .orElseThrow();
      LOG.info("BENCH idle: {}", rss);
      write("idle", Map.of("vm_rss", rss.replaceAll("\\s+", " ")));
    }
  }

  private WebSocket validatorSocket(Sr25519KeyPair key, String hotkey, String apiKey, AtomicInteger acks) throws Exception {
    CountDownLatch registered = new CountDownLatch(1);
    String[] nonce = new String[1];
    CountDownLatch challenged = new CountDownLatch(1);
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/validator"),
        new WebSocket.Listener() {
          final StringBuilder partial = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              String frame = partial.toString();
              partial.setLength(0);
              if (frame.contains("\"result_ack\"")) {
                acks.incrementAndGet();
              } else if (frame.contains("\"auth_challenge\"")) {
                nonce[0] = WsTestClient.JSON.readTree(frame).path("nonce").asString();
                challenged.countDown();
              } else if (frame.contains("\"registration_ack\"")) {
                registered.countDown();
              }
            }
            w.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
    challenged.await(10, TimeUnit.SECONDS);
    Instant now = Instant.now();
    ws.sendText(ValidatorProtocol.validatorCodec().encode(Register.signed(hotkey, apiKey, nonce[0], now,
        key.sign(Register.signingPayload(nonce[0], hotkey, now)))), true).join();
    if (!registered.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("validator did not register");
    }
    return ws;
  }

  private static void write(String name, Map<String, ?> values) throws Exception {
    Path out = Path.of("target", "bench", name + ".txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, values.toString() + System.lineSeparator(), UTF_8);
    LOG.info("BENCH {} -> {}", name, values);
  }
}
