package ai.kinitro.backend.chain;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.CommitmentRegistration;
import ai.kinitro.common.chain.client.BlockId;
import ai.kinitro.common.chain.client.BlockRef;
import ai.kinitro.common.chain.client.ChainClient;
import ai.kinitro.common.chain.client.Commitment;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link SubnetChain} over the chain client (subtensor or the local dev chain): the metagraph and
 * all commitments of the netuid, both read at the newest finalized block (one paged storage read
 * for the commitments).
 */
public final class ChainClientSubnetChain implements SubnetChain {
  private static final double RAO_PER_TAO = 1e9;

  private final ChainClient client;
  private final int netuid;

  public ChainClientSubnetChain(ChainClient client, int netuid) {
    this.client = Objects.requireNonNull(client, "client");
    this.netuid = netuid;
  }

  /** Closes the chain client (its WebSocket and threads). */
  @Override
  public void close() {
    client.close();
  }

  @Override
  public int netuid() {
    return netuid;
  }

  @Override
  public List<Neuron> neurons() {
    try {
      return client.metagraph(netuid, BlockRef.finalized()).neurons().stream()
          .map(n -> new Neuron(n.uid(), Ss58.encode(n.hotkey().bytes()), n.validatorPermit(), n.totalStake() / RAO_PER_TAO))
          .toList();
    } catch (KinitroException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new KinitroException(ErrorCode.CHAIN_READ_FAILED, "the metagraph of subnet " + netuid + " could not be read: " + e, e);
    }
  }

  @Override
  public CommitmentSnapshot commitments() {
    try {
      BlockId at = client.block(BlockRef.finalized());
      Map<AccountId, Commitment> all = client.commitments(netuid, BlockRef.hash(at.hash()));
      Map<String, CommitmentRegistration> byHotkey = new LinkedHashMap<>();
      all.forEach((hotkey, commitment) -> byHotkey.put(Ss58.encode(hotkey.bytes()), commitment.registration()));
      return new CommitmentSnapshot(at.number(), byHotkey);
    } catch (KinitroException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new KinitroException(ErrorCode.CHAIN_READ_FAILED, "the commitments of subnet " + netuid + " could not be read: " + e, e);
    }
  }
}
