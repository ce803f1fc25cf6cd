package ai.kinitro.validator.cli;

import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.StepRecord;
import ai.kinitro.common.protocol.validator.AckOutcome;
import ai.kinitro.common.protocol.validator.EpisodeStepData;
import ai.kinitro.common.protocol.validator.ResultAck;
import ai.kinitro.common.protocol.validator.ValidatorMessage;
import ai.kinitro.common.protocol.validator.ValidatorProtocol;
import ai.kinitro.queue.QueueSchema;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.job.ClaimedJob;
import ai.kinitro.queue.job.JobQueue;
import ai.kinitro.queue.job.JobWorkerPool;
import ai.kinitro.queue.job.NewJob;
import ai.kinitro.queue.job.WorkerSettings;
import ai.kinitro.queue.notify.PgWakeups;
import ai.kinitro.queue.outbox.Outbox;
import ai.kinitro.queue.outbox.OutboxEntry;
import ai.kinitro.validator.relay.OutboxRelay;
import ai.kinitro.validator.relay.RefusalPolicy;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Measures, on one database in one run: a raw SQL claim-and-complete loop (batched, and one job per
 * statement) beside the queue library doing the same (enqueue → claim → complete, batched and one
 * at a time, and through the worker pool), and the relay of episode step batches from the outbox.
 *
 * <pre>java -cp kinitro-validator.jar -Dloader.main=ai.kinitro.validator.cli.QueueBenchmark \
 *     org.springframework.boot.loader.launch.PropertiesLauncher [jobs] [stepBatches] [jdbcUrl user password]</pre>
 *
 * Without a JDBC URL it starts an embedded PostgreSQL in a temporary directory.
 */
public final class QueueBenchmark {
  private static final int BATCH = 32;
  private static final int STEPS_PER_BATCH = 100;

  private QueueBenchmark() {}

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int stepBatches = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    EmbeddedPostgres embedded = null;
    String url;
    String user;
    String password;
    if (args.length > 2) {
      url = args[2];
      user = args[3];
      password = args.length > 4 ? args[4] : "";
    } else {
      Path dir = Files.createTempDirectory("kinitro-bench");
      embedded = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).start();
      url = embedded.getJdbcUrl("postgres", "postgres");
      user = "postgres";
      password = "";
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(12);
    try (HikariDataSource ds = new HikariDataSource(config)) {
      QueueSchema.migrate(ds);
      System.out.printf("Kinitro queue benchmark: %d jobs, %d step batches x %d steps, %d cores, %s%n", jobs, stepBatches,
          STEPS_PER_BATCH, Runtime.getRuntime().availableProcessors(), embedded != null ? "embedded PostgreSQL" : url);
      System.out.println("| measurement | items | seconds | items/s |");
      System.out.println("|---|---:|---:|---:|");
      rawLoop(ds, jobs, BATCH);
      rawLoop(ds, jobs / 10, 1);
      queueBatched(ds, jobs);
      queueSingle(ds, jobs / 10);
      queuePool(ds, jobs / 4);
      relay(ds, stepBatches);
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private static void report(String what, long items, long nanos) {
    double seconds = nanos / 1e9;
    System.out.printf("| %s | %d | %.2f | %.0f |%n", what, items, seconds, items / seconds);
  }

  /** The raw loop: claim up to {@code batch} rows with the same one-statement claim, then complete them. */
  private static void rawLoop(DataSource ds, int jobs, int batch) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_raw");
      s.execute("CREATE TABLE bench_raw (id bigint PRIMARY KEY, state text NOT NULL, owner text, version bigint NOT NULL DEFAULT 0,"
          + " payload text NOT NULL)");
      s.execute("CREATE INDEX bench_raw_ready ON bench_raw (id) WHERE state = 'READY'");
      s.execute("INSERT INTO bench_raw (id, state, payload) SELECT g, 'READY', '{\"job\":' || g || '}' FROM generate_series(1, " + jobs + ") g");
      s.execute("ANALYZE bench_raw");
    }
    long start = System.nanoTime();
    int done = 0;
    try (Connection c = ds.getConnection();
        PreparedStatement claim = c.prepareStatement("""
            UPDATE bench_raw SET state = 'RUNNING', owner = 'raw', version = version + 1
            WHERE id IN (SELECT id FROM bench_raw WHERE state = 'READY' ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id, version""");
        PreparedStatement complete = c.prepareStatement("""
            UPDATE bench_raw b SET state = 'DONE', version = b.version + 1
            FROM unnest(?::bigint[], ?::bigint[]) AS d(id, v) WHERE b.id = d.id AND b.version = d.v""")) {
      while (true) {
        claim.setInt(1, batch);
        List<Long> ids = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        try (ResultSet rs = claim.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
            versions.add(rs.getLong(2));
          }
        }
        if (ids.isEmpty()) {
          break;
        }
        Array idArray = c.createArrayOf("int8", ids.toArray());
        Array versionArray = c.createArrayOf("int8", versions.toArray());
        complete.setArray(1, idArray);
        complete.setArray(2, versionArray);
        done += complete.executeUpdate();
      }
    }
    report("raw SQL claim+complete, " + batch + " per statement", done, System.nanoTime() - start);
  }

  private static JobQueue queue(DataSource ds) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE kq_job");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return new JobQueue(ds, Clock.systemUTC(), RetryPolicy.DEFAULT);
  }

  private static void enqueue(JobQueue queue, String name, int jobs) {
    long start = System.nanoTime();
    for (int from = 0; from < jobs; from += 500) {
      int f = from;
      queue.enqueueAll(IntStream.range(f, Math.min(jobs, f + 500)).mapToObj(i -> NewJob.of(name, "job-" + i, "{\"job\":" + i + "}")).toList());
    }
    report("queue enqueueAll (500 per statement)", jobs, System.nanoTime() - start);
  }

  private static void queueBatched(DataSource ds, int jobs) {
    JobQueue queue = queue(ds);
    long start = System.nanoTime();
    enqueue(queue, "bench", jobs);
    analyze(ds);
    long claimStart = System.nanoTime();
    int done = 0;
    List<ClaimedJob> claimed;
    while (!(claimed = queue.claim("bench", "bench-owner", BATCH)).isEmpty()) {
      done += claimed.size() - queue.completeAll(claimed).size();
    }
    long end = System.nanoTime();
    report("queue claim+completeAll, " + BATCH + " per statement", done, end - claimStart);
    report("queue enqueue -> claim -> complete, batched", done, end - start);
  }

  /** Fresh statistics, as autovacuum would have them on a running system (the raw loop gets the same). */
  private static void analyze(DataSource ds) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("ANALYZE kq_job");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void queueSingle(DataSource ds, int jobs) {
    JobQueue queue = queue(ds);
    queue.enqueueAll(IntStream.range(0, jobs).mapToObj(i -> NewJob.of("single", "job-" + i, "{}")).toList());
    analyze(ds);
    long start = System.nanoTime();
    int done = 0;
    List<ClaimedJob> claimed;
    while (!(claimed = queue.claim("single", "bench-owner", 1)).isEmpty()) {
      queue.complete(claimed.getFirst());
      done++;
    }
    report("queue claim+complete, 1 per statement", done, System.nanoTime() - start);
  }

  private static void queuePool(DataSource ds, int jobs) throws Exception {
    JobQueue queue = queue(ds);
    try (PgWakeups wakeups = new PgWakeups(ds, List.of(JobQueue.CHANNEL), Duration.ofSeconds(1)).start()) {
      queue.enqueueAll(IntStream.range(0, jobs).mapToObj(i -> NewJob.of("pool", "job-" + i, "{}")).toList());
      analyze(ds);
      long start = System.nanoTime();
      try (JobWorkerPool pool = new JobWorkerPool(queue, wakeups, (job, lease) -> { },
          new WorkerSettings("pool", "bench-pool", 8, Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(10)))) {
        pool.start();
        while (pool.completed() < jobs) {
          Thread.sleep(5);
        }
        report("queue worker pool (8 workers, one complete per job)", pool.completed(), System.nanoTime() - start);
      }
    }
  }

  /** Relay: claim due step batches, send each frame, ack each id (an in-process backend that acks at once). */
  private static void relay(DataSource ds, int batches) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE kq_outbox");
    }
    ProtocolCodec<ValidatorMessage> codec = ValidatorProtocol.validatorCodec();
    Outbox outbox = new Outbox(ds, Clock.systemUTC(), new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(10), 2.0));
    List<OutboxEntry> entries = new ArrayList<>(batches);
    Instant now = Instant.now();
    for (int b = 0; b < batches; b++) {
      int from = b * STEPS_PER_BATCH;
      List<StepRecord> steps = IntStream.range(from, from + STEPS_PER_BATCH).mapToObj(i -> new StepRecord(i,
          JsonNodeFactory.instance.arrayNode().add(0.1).add(-0.4).add(0.25).add(1.0), 1.25, false, false, List.of(),
          JsonNodeFactory.instance.objectNode(), now)).toList();
      EpisodeStepData data = new EpisodeStepData(UUID.randomUUID(), 7312849021437952001L, "reach-v3_0", b / 10, steps);
      entries.add(new OutboxEntry(data.messageId(), "backend", "episode_step_data", codec.encode(data)));
    }
    long appendStart = System.nanoTime();
    for (int i = 0; i < entries.size(); i += 200) {
      outbox.appendAll(entries.subList(i, Math.min(entries.size(), i + 200)));
    }
    report("outbox appendAll (200 step batches per statement), step logs", (long) batches * STEPS_PER_BATCH, System.nanoTime() - appendStart);
    OutboxRelay relay = new OutboxRelay(outbox, ai.kinitro.queue.notify.Wakeups.pollingOnly(), Clock.systemUTC(), new RefusalPolicy(5),
        new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(10), 2.0), "backend", "bench-relay", 256, 64,
        new SimpleMeterRegistry());
    relay.onConnected();
    List<UUID> sent = new ArrayList<>();
    long bytes = 0;
    long start = System.nanoTime();
    long relayed = 0;
    while (relayed < batches) {
      sent.clear();
      relay.relayOnce(frame -> sent.add(UUID.fromString(frame.substring(frame.indexOf("\"message_id\":\"") + 14,
          frame.indexOf("\"message_id\":\"") + 50))));
      for (UUID id : sent) {
        relay.onAck(new ResultAck(id, AckOutcome.STORED, Optional.empty()));
      }
      relayed += sent.size();
      if (sent.isEmpty()) {
        break;
      }
    }
    long nanos = System.nanoTime() - start;
    report("relay claim -> send -> ack (frames)", relayed, nanos);
    report("relay claim -> send -> ack (step logs, " + STEPS_PER_BATCH + " per frame)", relayed * STEPS_PER_BATCH, nanos);
  }
}
