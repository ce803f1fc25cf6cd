package ai.kinitro.devchain.node;

import java.util.Objects;

/** Where a state query ({@code at} a block hash, or the best block) can be answered. */
public sealed interface StateQuery {
  /** The block is recent enough that its storage is kept. */
  record Found(BlockRecord block) implements StateQuery {
    public Found {
      Objects.requireNonNull(block, "block");
    }
  }

  /** The block is known but its state was discarded (older than the recent window, or before a restart). */
  record Pruned(Hash hash) implements StateQuery {}

  /** No block has this hash. */
  record Unknown(Hash hash) implements StateQuery {}
}
