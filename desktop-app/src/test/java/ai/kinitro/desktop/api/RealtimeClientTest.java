package ai.kinitro.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.EventType;
import ai.kinitro.common.protocol.realtime.SubscriptionFilter;
import ai.kinitro.desktop.api.EventSource.LinkState;
import ai.kinitro.desktop.testing.TestBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The realtime client over a real WebSocket to a server speaking the protocol with the real codec. */
class RealtimeClientTest {
  private static final String MINER = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
  private static final String VALIDATOR = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

  private final TestBackend backend = new TestBackend();
  private final ExecutorService ui = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("fake-ui").factory());
  private final RealtimeClient client =
      new RealtimeClient(BackendApi.defaultHttpClient(), ui, Duration.ofMillis(100), Duration.ofMillis(400));
  private final List<Event> received = new CopyOnWriteArrayList<>();
  private final List<String> deliveredOn = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    client.close();
    backend.close();
    ui.shutdownNow();
  }

  private static EventPayload.EpisodeCompleted episode(long submission, int index, double reward) {
    return new EventPayload.EpisodeCompleted(7312849021437952001L, submission, VALIDATOR, "classic/CartPole-v1:0", index,
        "classic/CartPole-v1", true, reward, 87, Instant.parse("2026-03-01T12:00:50Z"), Instant.parse("2026-03-01T12:01:11Z"));
  }

  private void subscribeToSubmission(long id) {
    client.subscribe(List.of(EventType.EPISODE_COMPLETED), TestBackend.submission(id), e -> {
      received.add(e);
      deliveredOn.add(Thread.currentThread().getName());
    });
  }

  @Test
  void subscribesWithItsFilterAndDeliversOnlyMatchingEventsOnTheUiExecutor() {
    subscribeToSubmission(42);
    client.connect(backend.url());
    await(() -> backend.subscriptionCount() == 1);

    backend.publish(episode(41, 0, 1.0));
    backend.publish(episode(42, 0, 598.5));
    await(() -> received.size() == 1);

    assertThat(received.getFirst().payload()).isEqualTo(episode(42, 0, 598.5));
    assertThat(deliveredOn).containsExactly("fake-ui");
    assertThat(backend.framesReceived().getFirst()).contains("\"type\":\"subscribe\"").contains("\"submission_id\":\"42\"");
  }

  @Test
  void afterTheBackendRestartsItReconnectsAndSubscribesAgain() {
    List<LinkState> states = new CopyOnWriteArrayList<>();
    client.onLinkState(states::add);
    subscribeToSubmission(42);
    client.connect(backend.url());
    await(() -> backend.subscriptionCount() == 1);

    backend.stop();
    await(() -> client.state() == LinkState.RECONNECTING);
    backend.restart();
    await(() -> backend.subscriptionCount() == 1);
    backend.publish(episode(42, 1, 10.0));
    await(() -> received.size() == 1);

    assertThat(received.getFirst().payload()).isEqualTo(episode(42, 1, 10.0));
    await(() -> states.contains(LinkState.RECONNECTING) && states.getLast() == LinkState.LIVE);
  }

  @Test
  void aClosedSubscriptionIsRemovedOnTheServerAndGetsNothingMore() {
    var subscription = client.subscribe(List.of(EventType.STATS_UPDATED), SubscriptionFilter.NONE, received::add);
    client.connect(backend.url());
    await(() -> backend.subscriptionCount() == 1);

    subscription.close();
    await(() -> backend.subscriptionCount() == 0);

    assertThat(backend.framesReceived()).anyMatch(f -> f.contains("\"type\":\"unsubscribe\""));
  }

  @Test
  void theWebSocketUrlFollowsTheBackendUrlSchemeAndPath() {
    assertThat(RealtimeClient.endpointOf(java.net.URI.create("https://kinitro.example/api/")))
        .hasToString("wss://kinitro.example/api/ws/client");
    assertThat(RealtimeClient.endpointOf(java.net.URI.create("http://127.0.0.1:8080")))
        .hasToString("ws://127.0.0.1:8080/ws/client");
  }

  static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 15 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
