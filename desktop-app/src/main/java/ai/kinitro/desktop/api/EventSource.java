package ai.kinitro.desktop.api;

import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.EventType;
import ai.kinitro.common.protocol.realtime.SubscriptionFilter;
import java.util.List;
import java.util.function.Consumer;

/**
 * Live events from the backend's realtime channel, as view models consume them: subscribe to event
 * types with a filter and get each matching event on the UI executor. Subscriptions survive
 * reconnections. A port: view-model tests use a fake that delivers events directly.
 */
public interface EventSource {
  /** State of the channel, for a "live" indicator. */
  enum LinkState {
    CONNECTING,
    LIVE,
    RECONNECTING
  }

  /** Starts delivering matching events to {@code listener} (on the UI executor) until closed. */
  Subscription subscribe(List<EventType> types, SubscriptionFilter filter, Consumer<Event> listener);

  /** Called on the UI executor whenever the channel's state changes. */
  default void onLinkState(Consumer<LinkState> listener) {}

  /** An active subscription; closing it stops delivery (and unsubscribes on the server). */
  @FunctionalInterface
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
