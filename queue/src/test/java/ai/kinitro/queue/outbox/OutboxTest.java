package ai.kinitro.queue.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.queue.Enqueued;
import ai.kinitro.queue.QueueSchema;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.SettableClock;
import ai.kinitro.queue.TestTables;
import ai.kinitro.testsupport.postgres.WithPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@WithPostgres
class OutboxTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final RetryPolicy ACK_TIMEOUT = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(5), 2.0);
  private static final String TOPIC = "backend";

  private final SettableClock clock = new SettableClock(T0);
  private final Outbox outbox;

  OutboxTest(DataSource dataSource) {
    QueueSchema.migrate(dataSource);
    TestTables.truncate(dataSource);
    outbox = new Outbox(dataSource, clock, ACK_TIMEOUT);
  }

  private static OutboxEntry entry(UUID id, String payload) {
    return new OutboxEntry(id, TOPIC, "eval_result", payload);
  }

  @Test
  void appendingTheSameMessageIdTwiceStoresItOnce() {
    UUID id = UUID.randomUUID();
    assertThat(outbox.append(entry(id, "first"))).isEqualTo(Enqueued.CREATED);
    assertThat(outbox.append(entry(id, "second"))).isEqualTo(Enqueued.DUPLICATE);

    assertThat(outbox.claimDue(TOPIC, "relay", 10)).extracting(OutboxMessage::payload).containsExactly("first");
  }

  @Test
  void anUnackedMessageIsResentWithTheSameIdAfterTheAckTimeoutWithBackoff() {
    UUID id = UUID.randomUUID();
    outbox.append(entry(id, "p"));

    assertThat(outbox.claimDue(TOPIC, "relay", 10)).extracting(OutboxMessage::attempt).containsExactly(1);
    assertThat(outbox.claimDue(TOPIC, "relay", 10)).as("sent, ack not yet overdue").isEmpty();

    clock.advance(Duration.ofSeconds(30));
    List<OutboxMessage> resent = outbox.claimDue(TOPIC, "relay", 10);
    assertThat(resent).extracting(OutboxMessage::messageId, OutboxMessage::attempt)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(id, 2));
    assertThat(outbox.find(id).orElseThrow().nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(60));
  }

  @Test
  void anAckByMessageIdEndsDeliveryAndARepeatedAckIsHarmless() {
    UUID id = UUID.randomUUID();
    outbox.append(entry(id, "p"));
    outbox.claimDue(TOPIC, "relay", 10);

    assertThat(outbox.ack(id)).isTrue();
    assertThat(outbox.ack(id)).isFalse();
    clock.advance(Duration.ofHours(1));
    assertThat(outbox.claimDue(TOPIC, "relay", 10)).isEmpty();
    assertThat(outbox.find(id)).isEmpty();
  }

  @Test
  void everyMessageIsDeliveredAtLeastOnceUntilAckedDespiteLostAcks() {
    List<UUID> ids = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
    outbox.appendAll(ids.stream().map(id -> entry(id, "p")).toList());
    java.util.Set<UUID> received = new java.util.HashSet<>();

    // A receiver that stores everything but whose acks for odd rounds are lost.
    for (int round = 0; round < 6 && outbox.stats(TOPIC).pending() > 0; round++) {
      List<OutboxMessage> sent = outbox.claimDue(TOPIC, "relay", 7);
      sent.forEach(m -> received.add(m.messageId()));
      if (round % 2 == 0) {
        outbox.ackAll(sent.stream().map(OutboxMessage::messageId).toList());
      }
      clock.advance(Duration.ofMinutes(5));
    }
    while (outbox.stats(TOPIC).pending() > 0) {
      List<OutboxMessage> sent = outbox.claimDue(TOPIC, "relay", 50);
      sent.forEach(m -> received.add(m.messageId()));
      outbox.ackAll(sent.stream().map(OutboxMessage::messageId).toList());
      clock.advance(Duration.ofMinutes(5));
    }

    assertThat(received).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void afterAReconnectEveryPendingMessageIsDueAgainInFirstStoredOrder() {
    List<UUID> ids = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
    outbox.appendAll(ids.stream().map(id -> entry(id, "p")).toList());
    outbox.claimDue(TOPIC, "relay", 3);
    outbox.holdUntilRedelivery(ids.get(1), "MALFORMED_MESSAGE");

    assertThat(outbox.redeliverAll(TOPIC)).isEqualTo(3);

    assertThat(outbox.claimDue(TOPIC, "relay", 10)).extracting(OutboxMessage::messageId).containsExactlyElementsOf(ids);
  }

  @Test
  void aHeldMessageWaitsForTheNextRedeliveryAndAParkedOneIsNeverResent() {
    UUID held = UUID.randomUUID();
    UUID parked = UUID.randomUUID();
    outbox.appendAll(List.of(entry(held, "p"), entry(parked, "p")));
    outbox.claimDue(TOPIC, "relay", 10);
    outbox.holdUntilRedelivery(held, "1100 MALFORMED_MESSAGE");
    outbox.park(parked, "1105 JOB_NOT_ASSIGNED");

    clock.advance(Duration.ofDays(1));
    assertThat(outbox.claimDue(TOPIC, "relay", 10)).isEmpty();
    assertThat(outbox.find(held).orElseThrow().nextAttemptAt()).isEqualTo(Instant.MAX);

    outbox.redeliverAll(TOPIC);
    assertThat(outbox.claimDue(TOPIC, "relay", 10)).extracting(OutboxMessage::messageId).containsExactly(held);
    OutboxRecord row = outbox.find(parked).orElseThrow();
    assertThat(row.state()).isEqualTo(OutboxState.PARKED);
    assertThat(row.lastError()).contains("1105 JOB_NOT_ASSIGNED");
  }

  @Test
  void aBusyReceiverDefersTheResend() {
    UUID id = UUID.randomUUID();
    outbox.append(entry(id, "p"));
    outbox.claimDue(TOPIC, "relay", 1);
    outbox.retryAfter(id, Duration.ofMinutes(2), "4000 RATE_LIMITED");

    clock.advance(Duration.ofSeconds(119));
    assertThat(outbox.claimDue(TOPIC, "relay", 1)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(outbox.claimDue(TOPIC, "relay", 1)).hasSize(1);
  }

  @Test
  void statsShowTheBacklogAndTheRelayLag() {
    outbox.append(entry(UUID.randomUUID(), "p"));
    clock.advance(Duration.ofSeconds(40));
    outbox.append(entry(UUID.randomUUID(), "p"));
    outbox.claimDue(TOPIC, "relay", 1);

    assertThat(outbox.stats(TOPIC)).isEqualTo(new OutboxStats(2, 1, 0, Optional.of(Duration.ofSeconds(40))));
  }
}
