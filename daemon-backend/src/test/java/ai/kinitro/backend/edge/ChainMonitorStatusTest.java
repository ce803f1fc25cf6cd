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
  void aSuccessfulCycleRecordsItsStartTimeAndBlockAndClearsTheFailureCount() {
    ChainMonitor.Status before = monitor.status();

    ChainMonitor.Cycle cycle = monitor.pollOnce();

    ChainMonitor.Status after = monitor.status();
    assertThat(after.started()).isPresent();
    assertThat(after.lastSuccess()).isPresent();
    assertThat(after.lastSuccess().get()).isAfterOrEqualTo(after.started().get());
    assertThat(after).isEqualTo(new ChainMonitor.Status(before.started().or(after::started), after.lastSuccess(),
        Optional.of(cycle.block()), 0, before.lastFailure(), before.lastError()));
  }
}
