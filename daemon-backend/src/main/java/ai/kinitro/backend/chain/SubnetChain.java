package ai.kinitro.backend.chain;

import java.util.List;

/**
 * What the backend reads from the chain for its subnet. Implemented over the chain client (and the
 * dev chain locally); tests use a hand-written fake. Implementations throw {@code
 * KinitroException} with {@code CHAIN_READ_FAILED} (or a chain code) when the chain cannot be read.
 */
public interface SubnetChain extends AutoCloseable {
  /** The subnet this backend serves. */
  int netuid();

  /** Every registered neuron of the subnet now. */
  List<Neuron> neurons();

  /**
   * Every commitment of the subnet at the newest block, read in one paged storage read (never
   * block by block or hotkey by hotkey).
   */
  CommitmentSnapshot commitments();

  /** Releases the connection to the chain, if any; Spring calls it when the backend shuts down. */
  @Override
  default void close() {}
}
