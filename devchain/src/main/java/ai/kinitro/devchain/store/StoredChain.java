package ai.kinitro.devchain.store;

import ai.kinitro.devchain.node.BlockHeader;
import ai.kinitro.devchain.runtime.ChainState;
import ai.kinitro.devchain.runtime.Storage;
import java.util.List;
import java.util.Objects;

/**
 * What a data directory holds: every header from genesis to the head, the runtime state after the
 * head and the head's exact storage (so its state root still matches after a restart).
 */
public record StoredChain(List<BlockHeader> headers, ChainState state, Storage headStorage) {
  public StoredChain {
    headers = List.copyOf(headers);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(headStorage, "headStorage");
  }

  public BlockHeader head() {
    return headers.getLast();
  }
}
