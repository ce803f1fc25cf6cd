package ai.kinitro.validator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.validator.EpisodeStepData;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.common.protocol.validator.EvalResult;
import ai.kinitro.common.protocol.validator.ValidatorMessage;
import ai.kinitro.common.protocol.validator.ValidatorProtocol;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.outbox.Outbox;
import ai.kinitro.queue.outbox.OutboxEntry;
import ai.kinitro.testsupport.postgres.TestDatabase;
import ai.kinitro.testsupport.postgres.WithPostgres;
import ai.kinitro.validator.link.BackendLink;
import ai.kinitro.validator.link.LinkState;
import ai.kinitro.validator.testing.Await;
import ai.kinitro.validator.testing.FakeBackend;
import ai.kinitro.validator.testing.FakeEvaluator;
import ai.kinitro.validator.testing.Messages;
import ai.kinitro.validator.testing.ValidatorRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The backend is unreachable for {@value #DEFAULT_OUTAGE} (the minute the validator issue asks
 * for; {@code -Dkinitro.test.backend-outage=PT5S} shortens it while iterating): results produced
 * meanwhile are held in the outbox, then delivered after the
 * reconnect, and the backend stores each exactly once.
 */
@WithPostgres
class BackendOutageTest {
  static final String DEFAULT_OUTAGE = "PT60S";
  private static final Duration OUTAGE = Duration.parse(System.getProperty("kinitro.test.backend-outage", DEFAULT_OUTAGE));

  @Test
  void resultsAreHeldWhileTheBackendIsUnreachableThenDeliveredOnceEach(TestDatabase db, @TempDir Path state) throws Exception {
    Outbox outbox = new Outbox(db.dataSource(), Clock.systemUTC(), RetryPolicy.DEFAULT);
    ProtocolCodec<ValidatorMessage> codec = ValidatorProtocol.validatorCodec();
    List<EvalJob> jobs = IntStream.range(0, 5).mapToObj(i -> Messages.evalJob(2000 + i)).toList();
    try (FakeBackend backend = new FakeBackend(ValidatorRunner.API_KEY)) {
      ConfigurableApplicationContext validator = ValidatorRunner.start(ValidatorRunner.properties(db, backend.uri(), state));
      try {
        BackendLink link = validator.getBean(BackendLink.class);
        Await.until("registration", () -> backend.registrations() == 1);
        jobs.forEach(backend::deliver);
        Await.until("every job acked", () -> jobs.stream().allMatch(j -> backend.deliveryAck(j.messageId()).isPresent()));
        Await.until("the QUEUED reports relayed", () -> outbox.stats("backend").pending() == 0);

        backend.online(false);
        Await.until("the link noticing the outage", () -> link.state().status() != LinkState.Status.REGISTERED);
        List<EpisodeStepData> steps = IntStream.range(0, 20).mapToObj(i -> Messages.steps(2000, 0, i * 50, 50)).toList();
        outbox.appendAll(steps.stream().map(s -> new OutboxEntry(s.messageId(), "backend", "episode_step_data", codec.encode(s))).toList());
        try (FakeEvaluator evaluator = new FakeEvaluator(db.dataSource(), "evaluation").start()) {
          Await.until("every job evaluated", () -> evaluator.evaluationsByJob().size() == jobs.size());
          Thread.sleep(OUTAGE.toMillis());
          assertThat(link.state().status()).isNotEqualTo(LinkState.Status.REGISTERED);
          assertThat(link.state().reconnects()).isPositive();
          assertThat(outbox.stats("backend").pending()).as("held in the outbox").isEqualTo(20 + 2L * jobs.size());
          assertThat(backend.stored(EvalResult.class)).isEmpty();

          backend.online(true);
          Await.until("the outbox drained", () -> outbox.stats("backend").pending() == 0, () -> outbox.stats("backend").toString());
          assertThat(evaluator.evaluationsByJob().values()).containsOnly(1);
        }
        assertThat(backend.stored(EvalResult.class)).extracting(EvalResult::jobId)
            .containsExactlyInAnyOrderElementsOf(jobs.stream().map(EvalJob::jobId).toList());
        assertThat(backend.stored(EpisodeStepData.class)).hasSize(steps.size());
        assertThat(backend.receiptsById().values()).as("each report arrived once").containsOnly(1);
        assertThat(backend.registrations()).isGreaterThanOrEqualTo(2);
      } finally {
        validator.close();
      }
    }
  }
}
