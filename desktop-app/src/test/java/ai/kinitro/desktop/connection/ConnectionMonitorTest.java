package ai.kinitro.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.desktop.connection.ConnectionStatus.State;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionMonitorTest {
  private static final URI BACKEND = URI.create("http://127.0.0.1:1");
  private final List<ConnectionStatus> seen = new ArrayList<>();
  private boolean up = true;

  private final BackendProbe probe = uri -> {
    if (!up) {
      throw new KinitroException(ErrorCode.EXTERNAL_UNAVAILABLE, "Cannot reach the backend");
    }
    return Duration.ofMillis(7);
  };

  private ConnectionMonitor monitor() {
    ConnectionMonitor m = new ConnectionMonitor(probe, InstantSource.fixed(Instant.EPOCH), Duration.ofSeconds(5),
        Duration.ofSeconds(30), seen::add);
    m.close(); // drive it by hand with pollOnce: no background thread in this test
    return m;
  }

  @Test
  void aHealthyBackendIsConnectedWithItsLatency() {
    ConnectionMonitor m = monitor();
    m.watch(BACKEND);
    assertThat(m.pollOnce()).isEqualTo(Duration.ofSeconds(5));
    assertThat(m.status().state()).isEqualTo(State.CONNECTED);
    assertThat(m.status().latency()).contains(Duration.ofMillis(7));
  }

  @Test
  void failuresBackOffByDoublingUpToTheCapAndRecoveryResetsTheDelay() {
    ConnectionMonitor m = monitor();
    m.watch(BACKEND);
    up = false;
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waits.add(m.pollOnce());
    }
    assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
        Duration.ofSeconds(30), Duration.ofSeconds(30));
    assertThat(m.status().state()).isEqualTo(State.DISCONNECTED);
    assertThat(m.status().problem()).contains("Cannot reach the backend");

    up = true;
    assertThat(m.pollOnce()).isEqualTo(Duration.ofSeconds(5));
    assertThat(m.status().state()).isEqualTo(State.CONNECTED);
  }

  @Test
  void listenersHearConnectingThenEachChangeButNotRepeatsOfTheSameFailure() {
    ConnectionMonitor m = monitor();
    m.watch(BACKEND);
    up = false;
    m.pollOnce();
    m.pollOnce();
    assertThat(seen).extracting(ConnectionStatus::state).containsExactly(State.DISCONNECTED);
  }
}
