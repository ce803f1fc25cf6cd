package ai.kinitro.backend.chain;

import ai.kinitro.common.chain.CommitmentRegistration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * All commitments of the netuid as of one block.
 *
 * @param block the block the storage was read at
 * @param byHotkey each committing hotkey's registration (which carries the block it was set in)
 */
public record CommitmentSnapshot(long block, Map<String, CommitmentRegistration> byHotkey) {
  public CommitmentSnapshot {
    if (block < 0) {
      throw new IllegalArgumentException("block must not be negative");
    }
    byHotkey = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(byHotkey, "byHotkey")));
  }
}
