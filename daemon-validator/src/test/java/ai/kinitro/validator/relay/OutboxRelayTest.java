package ai.kinitro.validator.relay;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.protocol.ErrorDetail;
import ai.kinitro.common.protocol.validator.AckOutcome;
import ai.kinitro.common.protocol.validator.ResultAck;
import ai.kinitro.common.protocol.validator.ValidatorError;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.notify.Wakeups;
import ai.kinitro.queue.outbox.Outbox;
import ai.kinitro.queue.outbox.OutboxEntry;
import ai.kinitro.queue.outbox.OutboxState;
import ai.kinitro.testsupport.postgres.WithPostgres;
import ai.kinitro.validator.database.TestMigrations;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@WithPostgres
class OutboxRelayTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T12:00:00Z"));
  private final Outbox outbox;
  private final OutboxRelay relay;
  private final List<String> wire = new ArrayList<>();

  OutboxRelayTest(DataSource dataSource) throws SQLException {
    TestMigrations.migrate(dataSource);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE kq_outbox");
    }
    RetryPolicy ack = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(5), 2.0);
    outbox = new Outbox(dataSource, now::get, ack);
    relay = new OutboxRelay(outbox, Wakeups.pollingOnly(), now::get, new RefusalPolicy(2), ack, "backend", "relay", 3, 2,
        new SimpleMeterRegistry());
  }

  private List<UUID> append(int n) {
    List<UUID> ids = IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList();
    outbox.appendAll(ids.stream().map(id -> new OutboxEntry(id, "backend", "eval_result", "frame-" + id)).toList());
    return ids;
  }

  @Test
  void sendsInBatchesWithinTheWindowOfUnackedMessages() throws Exception {
    List<UUID> ids = append(5);

    assertThat(relay.relayOnce(wire::add)).as("a full batch").isTrue();
    assertThat(relay.relayOnce(wire::add)).as("the window of 3 allows one more").isTrue();
    assertThat(relay.relayOnce(wire::add)).as("the window is full").isFalse();
    assertThat(wire).containsExactly("frame-" + ids.get(0), "frame-" + ids.get(1), "frame-" + ids.get(2));

    relay.onAck(new ResultAck(ids.get(0), AckOutcome.STORED, Optional.empty()));
    relay.onAck(new ResultAck(ids.get(1), AckOutcome.DUPLICATE, Optional.empty()));
    relay.relayOnce(wire::add);
    assertThat(wire).hasSize(5);
    assertThat(outbox.find(ids.get(0))).isEmpty();
    assertThat(outbox.find(ids.get(1))).isEmpty();
  }

  @Test
  void aRejectedAckParksTheMessage() throws Exception {
    UUID id = append(1).getFirst();
    relay.relayOnce(wire::add);

    relay.onAck(new ResultAck(id, AckOutcome.REJECTED, Optional.of(ErrorDetail.of(ErrorCode.JOB_NOT_ASSIGNED, "not yours"))));

    assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(OutboxState.PARKED);
    assertThat(outbox.find(id).orElseThrow().lastError()).contains("1105 JOB_NOT_ASSIGNED: not yours");
  }

  @Test
  void anUnreadableFrameIsResentOnlyAfterTheNextReconnect() throws Exception {
    UUID id = append(1).getFirst();
    relay.relayOnce(wire::add);

    relay.onError(ValidatorError.of(ErrorCode.MALFORMED_MESSAGE, "bad", Optional.of(id.toString())));
    now.set(now.get().plus(Duration.ofHours(1)));
    relay.relayOnce(wire::add);
    assertThat(wire).hasSize(1);

    relay.onConnected();
    relay.relayOnce(wire::add);
    assertThat(wire).hasSize(2);
    relay.onError(ValidatorError.of(ErrorCode.MALFORMED_MESSAGE, "bad", Optional.of(id.toString())));
    assertThat(outbox.find(id).orElseThrow().state()).as("parked after the second refusal").isEqualTo(OutboxState.PARKED);
  }

  @Test
  void aBusyBackendDefersTheResendByTheBackoff() throws Exception {
    UUID id = append(1).getFirst();
    relay.relayOnce(wire::add);

    relay.onError(ValidatorError.of(ErrorCode.RATE_LIMITED, "slow down", Optional.of(id.toString())));

    assertThat(outbox.find(id).orElseThrow().nextAttemptAt()).isEqualTo(now.get().plusSeconds(30));
  }

  @Test
  void anUnackedMessageIsResentAfterTheAckTimeout() throws Exception {
    append(1);
    relay.relayOnce(wire::add);
    now.set(now.get().plusSeconds(30));

    relay.relayOnce(wire::add);

    assertThat(wire).hasSize(2).containsOnly(wire.getFirst());
  }
}
