package ai.kinitro.backend.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.chain.ChainMonitor;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The chain monitor reports what its cycles did (the chain health component reads it). */
class ChainMonitorStatusTest extends EdgeIntegrationTest {
  @Autowired ChainMonitor monitor;

  @Test
  void aSuccessfulCycleRecordsItsTimeAndBlockAndClearsTheFailureCount() {
    ChainMonitor.Status before = monitor.status();

    ChainMonitor.Cycle cycle = monitor.pollOnce();

    assertThat(monitor.status()).isEqualTo(new ChainMonitor.Status(before.since(), monitor.status().lastSuccess(),
        Optional.of(cycle.block()), 0, before.lastFailure(), before.lastError()));
    assertThat(monitor.status().lastSuccess()).isPresent();
    assertThat(monitor.status().lastSuccess().get()).isAfterOrEqualTo(before.since());
  }
}
