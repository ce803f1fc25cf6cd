package ai.kinitro.backend.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;

/** Records every application event of the shared test context; tests clear it and filter by type. */
public class EventRecorder {
  private final List<Object> events = new CopyOnWriteArrayList<>();

  @EventListener
  void on(Object event) {
    events.add(event);
  }

  public void clear() {
    events.clear();
  }

  public <T> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
