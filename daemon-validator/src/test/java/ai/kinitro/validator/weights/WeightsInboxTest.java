package ai.kinitro.validator.weights;

import static ai.kinitro.validator.testing.Messages.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.WeightEntry;
import ai.kinitro.common.protocol.validator.AckOutcome;
import ai.kinitro.common.protocol.validator.SetWeights;
import ai.kinitro.queue.notify.Wakeups;
import ai.kinitro.testsupport.postgres.WithPostgres;
import ai.kinitro.validator.database.TestMigrations;
import ai.kinitro.validator.testing.Messages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The inbox against real PostgreSQL: its own subnet's snapshots wake the duty, another subnet's are flagged once. */
@WithPostgres
@ExtendWith(OutputCaptureExtension.class)
class WeightsInboxTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final int OWN_NETUID = 26;

  private final List<String> signals = new ArrayList<>();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final WeightsStore store;
  private final WeightsInbox inbox;

  WeightsInboxTest(DataSource dataSource) throws Exception {
    TestMigrations.migrate(dataSource);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE validator_weight_commit, validator_weights_snapshot");
    }
    store = new WeightsStore(dataSource);
    Wakeups recording = new Wakeups() {
      @Override
      public boolean await(String key, Duration timeout) {
        return false;
      }

      @Override
      public void signal(String key) {
        signals.add(key);
      }
    };
    inbox = new WeightsInbox(store, recording, () -> NOW, OWN_NETUID, metrics);
  }

  private static SetWeights snapshot(int netuid) {
    return Messages.setWeights(netuid, NOW.minusSeconds(60), Duration.ofMinutes(20), List.of(new WeightEntry(17, BOB, 1.0)));
  }

  @Test
  void aSnapshotForTheValidatorsOwnNetuidIsStoredAndWakesTheWeightsDuty(CapturedOutput output) {
    SetWeights message = snapshot(OWN_NETUID);

    assertThat(inbox.store(message)).isEqualTo(AckOutcome.STORED);

    assertThat(signals).containsExactly(WeightsInbox.WAKEUP);
    assertThat(store.newestUnexpired(OWN_NETUID, NOW).orElseThrow().snapshot().snapshotId()).isEqualTo(message.snapshotId());
    assertThat(metrics.find(WeightsInbox.FOREIGN_SNAPSHOTS).counters()).isEmpty();
    assertThat(output.getOut()).doesNotContain("never applied");
  }

  @Test
  void aSnapshotForAnotherNetuidIsWarnedAboutAndCountedOnceAndNeverWakesTheDuty(CapturedOutput output) {
    SetWeights message = snapshot(1);

    assertThat(List.of(inbox.store(message), inbox.store(message))).containsExactly(AckOutcome.STORED, AckOutcome.DUPLICATE);

    assertThat(signals).isEmpty();
    assertThat(store.newestUnexpired(OWN_NETUID, NOW)).isEmpty();
    assertThat(metrics.get(WeightsInbox.FOREIGN_SNAPSHOTS).tag("netuid", "1").counter().count()).isEqualTo(1.0);
    String warning = "Weights snapshot " + message.snapshotId() + " (message " + message.messageId() + ") is for netuid 1, "
        + "but this validator sets weights on netuid 26 (kinitro.validator.netuid): stored and never applied";
    assertThat(output.getOut().split(java.util.regex.Pattern.quote(warning), -1)).hasSize(2);
  }
}
