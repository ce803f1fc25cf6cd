package ai.kinitro.validator.weights;

/**
 * The smallest view of the chain the weights duty needs (a port: the adapter over the chain client
 * signs with the validator's hotkey; tests use a fake that enforces the chain's rules).
 */
public interface WeightSetter {
  /** The subnet now (one block). */
  SubnetView subnet(int netuid);

  /** Plain {@code set_weights}; only valid while commit-reveal is off. */
  TxOutcome setWeights(int netuid, int[] uids, int[] weights, long versionKey);

  /** Commit-reveal v2: {@code commit_weights(netuid, hash)}. */
  TxOutcome commitWeights(int netuid, byte[] commitHash);

  /** Commit-reveal v2: {@code reveal_weights}, in the reveal epoch of the matching commit. */
  TxOutcome revealWeights(int netuid, int[] uids, int[] weights, int[] salt, long versionKey);
}
