package ai.kinitro.queue.job;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.queue.Pools;
import ai.kinitro.queue.QueueSchema;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.notify.PgWakeups;
import ai.kinitro.testsupport.postgres.TestDatabase;
import ai.kinitro.testsupport.postgres.WithPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@WithPostgres
class ConcurrentConsumersTest {
  private static final int JOBS = 1_000;
  private static final int CONSUMERS = 4;
  private static final String QUEUE = "race";

  @Test
  void fourConsumersRacingOnOneTableRunAThousandJobsExactlyOnce(TestDatabase db) throws Exception {
    try (HikariDataSource ds = Pools.pooled(db, 24);
        PgWakeups wakeups = new PgWakeups(ds, List.of(JobQueue.CHANNEL), Duration.ofMillis(200)).start()) {
      QueueSchema.migrate(ds);
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE runs (job_id text NOT NULL, consumer text NOT NULL)");
      }
      JobQueue queue = new JobQueue(ds, Clock.systemUTC(), RetryPolicy.DEFAULT);
      Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
      List<JobWorkerPool> pools = new ArrayList<>();
      for (int i = 0; i < CONSUMERS; i++) {
        String owner = "consumer-" + i;
        JobHandler handler = (job, lease) -> {
          runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet();
          try (Connection c = ds.getConnection();
              PreparedStatement s = c.prepareStatement("INSERT INTO runs VALUES (?, ?)")) {
            s.setString(1, job.id());
            s.setString(2, owner);
            s.executeUpdate();
          }
        };
        pools.add(new JobWorkerPool(queue, wakeups, handler,
            new WorkerSettings(QUEUE, owner, 4, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(10))).start());
      }

      for (int batch = 0; batch < JOBS; batch += 100) {
        int from = batch;
        queue.enqueueAll(IntStream.range(from, from + 100).mapToObj(i -> NewJob.of(QUEUE, "job-" + i, "{}")).toList());
      }
      awaitDrained(queue);
      pools.forEach(JobWorkerPool::close);

      assertThat(runs).hasSize(JOBS);
      assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
      try (Connection c = ds.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("""
              SELECT count(*), count(DISTINCT job_id), count(DISTINCT consumer) FROM runs""")) {
        rs.next();
        assertThat(List.of(rs.getInt(1), rs.getInt(2))).containsExactly(JOBS, JOBS);
        assertThat(rs.getInt(3)).as("consumers that ran at least one job").isGreaterThan(1);
      }
      try (Connection c = ds.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM kq_job WHERE state = 'DONE' AND attempts = 1")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(JOBS);
      }
      assertThat(pools.stream().mapToLong(JobWorkerPool::completed).sum()).isEqualTo(JOBS);
    }
  }

  static void awaitDrained(JobQueue queue) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      QueueStats stats = queue.stats(QUEUE);
      if (stats.ready() == 0 && stats.running() == 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the queue did not drain: " + queue.stats(QUEUE));
  }
}
