package ai.kinitro.common.chain.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The weights stored on a subnet at one block ({@code SubtensorModule.Weights(netuid, uid)}): for
 * every uid that has set weights, its row of {@code (uid, value)} pairs as the chain keeps them
 * (u16, max-upscaled so the largest value of a row is 65535).
 */
public record ChainWeights(int netuid, BlockId block, Map<Integer, List<Entry>> rows) {
  /** One weight of a row: the destination uid and its u16 value. */
  public record Entry(int uid, int value) {}

  public ChainWeights {
    Objects.requireNonNull(block, "block");
    rows = java.util.Collections.unmodifiableMap(new TreeMap<>(rows.entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())))));
  }

  /** The row set by {@code validatorUid}, if it has set weights. */
  public Optional<List<Entry>> row(int validatorUid) {
    return Optional.ofNullable(rows.get(validatorUid));
  }

  /** The destination with the largest weight in {@code validatorUid}'s row (lowest uid on ties). */
  public Optional<Integer> favourite(int validatorUid) {
    return row(validatorUid).flatMap(r -> r.stream()
        .max(java.util.Comparator.comparingInt(Entry::value).thenComparing(Entry::uid, java.util.Comparator.reverseOrder()))
        .map(Entry::uid));
  }
}
