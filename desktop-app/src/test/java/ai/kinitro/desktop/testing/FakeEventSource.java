package ai.kinitro.desktop.testing;

import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.EventType;
import ai.kinitro.common.protocol.realtime.SubscriptionFilter;
import ai.kinitro.desktop.api.EventSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Delivers published events to matching subscriptions on the calling thread, as the UI executor would. */
public final class FakeEventSource implements EventSource {
  /** One subscription as a view model made it. */
  public record Sub(List<EventType> types, SubscriptionFilter filter, Consumer<Event> listener) {}

  private final List<Sub> subscriptions = new ArrayList<>();
  private final List<Consumer<LinkState>> stateListeners = new ArrayList<>();
  private long sequence;

  @Override
  public Subscription subscribe(List<EventType> types, SubscriptionFilter filter, Consumer<Event> listener) {
    Sub sub = new Sub(List.copyOf(types), filter, listener);
    subscriptions.add(sub);
    return () -> subscriptions.remove(sub);
  }

  @Override
  public void onLinkState(Consumer<LinkState> listener) {
    stateListeners.add(listener);
  }

  public void linkState(LinkState state) {
    stateListeners.forEach(l -> l.accept(state));
  }

  public List<Sub> subscriptions() {
    return List.copyOf(subscriptions);
  }

  /** Delivers to every subscription whose types and filter accept the payload; returns how many. */
  public int publish(EventPayload payload) {
    int n = 0;
    for (Sub s : List.copyOf(subscriptions)) {
      if (subscriptions.contains(s) && s.types().contains(EventType.of(payload)) && s.filter().accepts(payload)) {
        s.listener().accept(new Event("s-fake", ++sequence, Instant.now(), payload));
        n++;
      }
    }
    return n;
  }
}
