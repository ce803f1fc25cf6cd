package ai.kinitro.common.chain.client;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.CommitmentData;
import ai.kinitro.common.chain.rpc.Subscription;
import ai.kinitro.common.crypto.Signer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * What Kinitro needs from a subtensor chain. Every read that returns several values takes them
 * all at one block ({@link BlockRef}), so they are consistent with each other. Transactions are
 * signed with a {@link Signer} (the hotkey, or the owner's coldkey for admin calls); pool
 * rejections throw a {@link ai.kinitro.common.error.KinitroException} with a specific code,
 * dispatch failures come back in {@link TxResult#error()} (use {@link TxResult#orThrow()}).
 */
public interface ChainClient extends AutoCloseable {

  long bestBlock();

  long finalizedBlock();

  /** The hash of block {@code number}; {@code NOT_FOUND} if the node does not have it. */
  BlockHash blockHash(long number);

  /** Resolves {@code at} to a number and hash. */
  BlockId block(BlockRef at);

  /** The best block's runtime: versions, genesis, metadata (cached per spec version). */
  RuntimeInfo runtime();

  /** One hotkey's commitment with the block it was set at; empty if none or the hotkey is not registered (any more). */
  Optional<Commitment> commitment(int netuid, AccountId hotkey, BlockRef at);

  /** Every current commitment on the subnet by hotkey, without those of deregistered hotkeys. */
  Map<AccountId, Commitment> commitments(int netuid, BlockRef at);

  Metagraph metagraph(int netuid, BlockRef at);

  SubnetParams subnetParams(int netuid, BlockRef at);

  /** Every weight row stored on the subnet ({@code SubtensorModule.Weights}), by the uid that set it. */
  ChainWeights weights(int netuid, BlockRef at);

  /** {@code Commitments.set_commitment} with one Raw field (at most 128 bytes). */
  TxResult setCommitment(Signer hotkey, int netuid, byte[] raw, TxOptions options);

  /** {@code Commitments.set_commitment} with up to 3 fields. */
  TxResult setCommitment(Signer hotkey, int netuid, List<CommitmentData> fields, TxOptions options);

  /** Plain {@code set_weights} with u16 values (see {@link WeightNormalizer}). */
  TxResult setWeights(Signer hotkey, int netuid, int[] uids, int[] weights, long versionKey, TxOptions options);

  /** Commit-reveal v2 commit of a {@link ai.kinitro.common.chain.WeightsCommitHash}. */
  TxResult commitWeights(Signer hotkey, int netuid, byte[] commitHash, TxOptions options);

  /** Commit-reveal v2 reveal of the values committed earlier. */
  TxResult revealWeights(
      Signer hotkey, int netuid, int[] uids, int[] values, int[] salt, long versionKey, TxOptions options);

  /** {@code AdminUtils.sudo_set_commit_reveal_weights_enabled}, signed by the subnet owner's coldkey. */
  TxResult setCommitRevealEnabled(Signer ownerColdkey, int netuid, boolean enabled, TxOptions options);

  /** Calls {@code listener} with each new best block number until the subscription is closed. */
  Subscription onNewHead(LongConsumer listener);

  @Override
  void close();
}
