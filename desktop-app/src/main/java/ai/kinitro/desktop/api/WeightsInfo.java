package ai.kinitro.desktop.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The newest weights snapshot ({@code GET /weights}). */
public record WeightsInfo(String snapshotId, int netuid, Optional<Instant> computedAt, List<Entry> entries) {
  public WeightsInfo {
    snapshotId = Nulls.text(snapshotId);
    computedAt = Nulls.opt(computedAt);
    entries = Nulls.list(entries);
  }

  /** One uid's weight. */
  public record Entry(int uid, String hotkey, double weight) {
    public Entry {
      hotkey = Nulls.text(hotkey);
    }
  }
}
