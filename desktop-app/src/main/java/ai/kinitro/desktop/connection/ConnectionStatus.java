package ai.kinitro.desktop.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the app knows about its backend connection right now. */
public record ConnectionStatus(State state, Optional<Duration> latency, Optional<String> problem, Instant since) {
  public enum State {
    CONNECTING,
    CONNECTED,
    DISCONNECTED
  }

  public ConnectionStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(since, "since");
  }

  public static ConnectionStatus connecting(Instant now) {
    return new ConnectionStatus(State.CONNECTING, Optional.empty(), Optional.empty(), now);
  }
}
