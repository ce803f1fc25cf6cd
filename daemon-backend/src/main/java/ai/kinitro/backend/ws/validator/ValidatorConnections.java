package ai.kinitro.backend.ws.validator;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.socket.CloseStatus;

/** The registered validator connections of this instance, one per hotkey. */
public final class ValidatorConnections {
  private final Map<String, ValidatorConnection> byHotkey = new ConcurrentHashMap<>();

  /** Registers a connection; an older connection of the same hotkey is closed. */
  void put(ValidatorConnection connection) {
    ValidatorConnection previous = byHotkey.put(connection.hotkey(), connection);
    if (previous != null && previous != connection) {
      previous.close(CloseStatus.POLICY_VIOLATION.withReason("replaced by a newer connection of the same hotkey"));
    }
  }

  /** Removes the connection if it is still the current one of its hotkey. */
  boolean remove(ValidatorConnection connection) {
    return connection.hotkey() != null && byHotkey.remove(connection.hotkey(), connection);
  }

  Optional<ValidatorConnection> get(String hotkey) {
    return Optional.ofNullable(byHotkey.get(hotkey));
  }

  Collection<ValidatorConnection> all() {
    return byHotkey.values();
  }

  /** Whether this hotkey has a registered connection on this instance. */
  public boolean connected(String hotkey) {
    return byHotkey.containsKey(hotkey);
  }

  public int size() {
    return byHotkey.size();
  }
}
