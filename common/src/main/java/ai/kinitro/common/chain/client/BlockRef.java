package ai.kinitro.common.chain.client;

import java.util.Objects;

/** Which block a snapshot read is taken at. */
public sealed interface BlockRef {
  /** The node's best (newest, not yet final) block. */
  static BlockRef best() {
    return Best.INSTANCE;
  }

  /** The newest finalized block. */
  static BlockRef finalized() {
    return Finalized.INSTANCE;
  }

  static BlockRef number(long number) {
    return new Number(number);
  }

  static BlockRef hash(BlockHash hash) {
    return new Hash(hash);
  }

  /** See {@link #best()}. */
  enum Best implements BlockRef { INSTANCE }

  /** See {@link #finalized()}. */
  enum Finalized implements BlockRef { INSTANCE }

  /** A block by number on the node's canonical chain. */
  record Number(long number) implements BlockRef {
    public Number {
      if (number < 0) {
        throw new IllegalArgumentException("block number must not be negative: " + number);
      }
    }
  }

  /** A block by hash. */
  record Hash(BlockHash hash) implements BlockRef {
    public Hash {
      Objects.requireNonNull(hash, "hash");
    }
  }
}
