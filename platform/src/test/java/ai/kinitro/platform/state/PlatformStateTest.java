package ai.kinitro.platform.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformStateTest {
  private static PlatformState.ServiceState service(String name, String status) {
    return new PlatformState.ServiceState(name, 1, Instant.EPOCH, 1, "", "", status);
  }

  @Test
  void addingAServiceKeepsStartOrderAndReplacingOneKeepsItsPlace() {
    PlatformState state = new PlatformState(1, Instant.EPOCH, "/s", Map.of(), List.of())
        .with(service("postgres", "starting"))
        .with(service("s3", "starting"))
        .with(service("postgres", "healthy"));

    assertThat(state.services()).containsExactly(service("postgres", "healthy"), service("s3", "starting"));
  }

  @Test
  void findsTheRunningSupervisorByPidAndStartTime() {
    ProcessHandle self = ProcessHandle.current();
    Instant started = self.info().startInstant().orElseThrow();

    assertThat(new PlatformState(self.pid(), started, "/s", Map.of(), List.of()).liveSupervisor()).isPresent();
  }

  @Test
  void aReusedPidWithAnotherStartTimeIsNotOurSupervisor() {
    ProcessHandle self = ProcessHandle.current();
    Instant otherStart = self.info().startInstant().orElseThrow().minusSeconds(3600);

    assertThat(new PlatformState(self.pid(), otherStart, "/s", Map.of(), List.of()).liveSupervisor()).isEmpty();
  }
}
