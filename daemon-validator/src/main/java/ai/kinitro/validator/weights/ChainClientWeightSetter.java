package ai.kinitro.validator.weights;

import ai.kinitro.common.chain.client.BlockId;
import ai.kinitro.common.chain.client.BlockRef;
import ai.kinitro.common.chain.client.ChainClient;
import ai.kinitro.common.chain.client.Metagraph;
import ai.kinitro.common.chain.client.Neuron;
import ai.kinitro.common.chain.client.SubnetParams;
import ai.kinitro.common.chain.client.TxOptions;
import ai.kinitro.common.chain.client.TxResult;
import ai.kinitro.common.crypto.Signer;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.error.KinitroException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The {@link WeightSetter} port over the chain client: reads the subnet parameters and the
 * metagraph at one block, and signs weight extrinsics with the validator's hotkey. A pool
 * rejection (thrown) and a dispatch failure (in the result) both become {@link TxOutcome.Rejected}
 * with the chain client's error code (e.g. CHAIN_RATE_LIMITED) and the runtime's error name.
 */
public final class ChainClientWeightSetter implements WeightSetter {
  private final Supplier<ChainClient> client;
  private final Signer hotkey;
  private final TxOptions options;

  /**
   * @param client the chain client (a supplier, so it can be opened lazily and reopened)
   * @param hotkey the validator's hotkey
   * @param options how to submit (wait for inclusion: the duty needs the block)
   */
  public ChainClientWeightSetter(Supplier<ChainClient> client, Signer hotkey, TxOptions options) {
    this.client = Objects.requireNonNull(client, "client");
    this.hotkey = Objects.requireNonNull(hotkey, "hotkey");
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public SubnetView subnet(int netuid) {
    ChainClient chain = client.get();
    BlockId block = chain.block(BlockRef.best());
    BlockRef at = BlockRef.hash(block.hash());
    SubnetParams params = chain.subnetParams(netuid, at);
    Metagraph metagraph = chain.metagraph(netuid, at);
    int size = metagraph.neurons().stream().mapToInt(Neuron::uid).max().orElse(-1) + 1;
    List<String> hotkeys = new ArrayList<>(Collections.nCopies(size, ""));
    List<Long> lastUpdate = new ArrayList<>(Collections.nCopies(size, 0L));
    for (Neuron n : metagraph.neurons()) {
      hotkeys.set(n.uid(), Ss58.encode(n.hotkey().bytes()));
      lastUpdate.set(n.uid(), n.lastUpdate());
    }
    return new SubnetView(netuid, block.number(), params.tempo(), params.weightsRateLimit(), params.commitRevealEnabled(),
        (int) params.revealPeriodEpochs(), params.weightsVersionKey(), hotkeys, lastUpdate);
  }

  @Override
  public TxOutcome setWeights(int netuid, int[] uids, int[] weights, long versionKey) {
    return submit(() -> client.get().setWeights(hotkey, netuid, uids, weights, versionKey, options));
  }

  @Override
  public TxOutcome commitWeights(int netuid, byte[] commitHash) {
    return submit(() -> client.get().commitWeights(hotkey, netuid, commitHash, options));
  }

  @Override
  public TxOutcome revealWeights(int netuid, int[] uids, int[] weights, int[] salt, long versionKey) {
    return submit(() -> client.get().revealWeights(hotkey, netuid, uids, weights, salt, versionKey, options));
  }

  private TxOutcome submit(Supplier<TxResult> call) {
    TxResult result;
    try {
      result = call.get();
    } catch (KinitroException e) {
      return new TxOutcome.Rejected(e.code(), e.getMessage(), OptionalLong.empty());
    }
    if (result.error().isPresent()) {
      TxResult.TxError error = result.error().get();
      return new TxOutcome.Rejected(error.code(), error.pallet() + "." + error.name() + ": " + error.message(), OptionalLong.empty());
    }
    return new TxOutcome.Included(result.blockNumber().orElseGet(() -> client.get().bestBlock()));
  }
}
