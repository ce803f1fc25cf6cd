package ai.kinitro.miner.commit;

import ai.kinitro.common.chain.client.TxResult;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A commitment on chain: who, where, what, the transaction's hash and status, and the block it is
 * in (when known).
 */
public record CommitResult(String hotkey, int netuid, String commitment, String txHash, TxResult.Status status,
    OptionalLong block) {
  public CommitResult {
    Objects.requireNonNull(hotkey, "hotkey");
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(txHash, "txHash");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(block, "block");
  }
}
