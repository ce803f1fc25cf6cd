package ai.kinitro.common.chain.client;

import java.util.Objects;

/** A block's number together with its hash: where a snapshot was read. */
public record BlockId(long number, BlockHash hash) {
  public BlockId {
    Objects.requireNonNull(hash, "hash");
  }
}
