package ai.kinitro.backend.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.EventType;
import ai.kinitro.common.protocol.realtime.RealtimeProtocol;
import ai.kinitro.common.protocol.realtime.SubscriptionFilter;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/** A subscriber that stops reading is dropped when its queue fills; the others keep receiving. */
class SlowSubscriberTest {
  private static final String HOTKEY = Ss58.encode(SecretUri.parse("//Alice").publicKey());

  @Test
  void aStalledSubscriberIsDroppedWithoutSlowingAFastOne() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    WebSocketSession stalled = session();
    doAnswer(inv -> {
      never.await(30, TimeUnit.SECONDS);
      return null;
    }).when(stalled).sendMessage(any());
    AtomicInteger fastFrames = new AtomicInteger();
    WebSocketSession fast = session();
    doAnswer(inv -> fastFrames.incrementAndGet()).when(fast).sendMessage(any());
    RealtimeHub hub = new RealtimeHub();
    ClientConnection slow = connection("rt-slow", stalled, hub);
    connection("rt-fast", fast, hub);

    long maxDeliverNanos = 0;
    for (int i = 0; i < 12; i++) {
      long started = System.nanoTime();
      hub.deliver(new EventPayload.ValidatorConnected(HOTKEY, "c-" + i, Instant.EPOCH));
      maxDeliverNanos = Math.max(maxDeliverNanos, System.nanoTime() - started);
      Thread.sleep(10);
    }
    long elapsedMillis = maxDeliverNanos / 1_000_000;

    Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> fastFrames.get() == 12);
    assertThat(slow.closed()).isTrue();
    verify(stalled).close(CloseStatus.POLICY_VIOLATION.withReason("SUBSCRIBER_TOO_SLOW"));
    assertThat(elapsedMillis).as("fan-out never waits for the stalled subscriber (it would block 30 s)").isLessThan(5_000);
    never.countDown();
  }

  private static WebSocketSession session() {
    WebSocketSession session = mock(WebSocketSession.class);
    when(session.isOpen()).thenReturn(true);
    return session;
  }

  private static ClientConnection connection(String id, WebSocketSession session, RealtimeHub hub) {
    ClientConnection c = new ClientConnection(id, session, RealtimeProtocol.serverCodec(), Clock.systemUTC(), 8);
    c.subscriptions().put("s-" + id, new ClientConnection.Subscription("s-" + id, EnumSet.of(EventType.VALIDATOR_CONNECTED),
        SubscriptionFilter.NONE));
    hub.add(c);
    return c;
  }
}
