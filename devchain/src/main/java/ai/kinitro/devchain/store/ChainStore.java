package ai.kinitro.devchain.store;

import ai.kinitro.devchain.node.BlockHeader;
import ai.kinitro.devchain.node.Hash;
import ai.kinitro.devchain.runtime.ChainState;
import ai.kinitro.devchain.runtime.Storage;
import java.util.Optional;

/** Where the node keeps its chain between runs. */
public interface ChainStore extends AutoCloseable {

  /** The stored chain for this genesis, or empty when there is none yet. */
  Optional<StoredChain> load(Hash genesisHash);

  /**
   * Records block {@code header} (genesis included) and the state after it. When this returns the
   * block survives a crash; if it throws, the previous block is still what a restart finds.
   */
  void persist(BlockHeader header, Hash genesisHash, ChainState state, Storage storage);

  @Override
  void close();

  /** A store that keeps nothing: the chain starts from genesis on every run. */
  static ChainStore inMemory() {
    return new ChainStore() {
      @Override
      public Optional<StoredChain> load(Hash genesisHash) {
        return Optional.empty();
      }

      @Override
      public void persist(BlockHeader header, Hash genesisHash, ChainState state, Storage storage) {}

      @Override
      public void close() {}
    };
  }
}
