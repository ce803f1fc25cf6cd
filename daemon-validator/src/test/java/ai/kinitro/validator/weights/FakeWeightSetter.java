package ai.kinitro.validator.weights;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.WeightsCommitHash;
import ai.kinitro.common.error.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * A hand-written chain for the weights duty: a block counter, the subnet parameters and the
 * {@code set_weights}/{@code commit_weights}/{@code reveal_weights} rules (rate limit, version
 * key, commit-reveal on/off, reveal only in {@code commit epoch + reveal period} with a matching hash),
 * with the chain's error names.
 */
final class FakeWeightSetter implements WeightSetter {
  record Commit(byte[] hash, long epoch) {}

  final int netuid;
  final byte[] validatorKey;
  long block = 1_000;
  int tempo = 9;
  long rateLimit = 100;
  boolean commitReveal;
  int revealPeriod = 1;
  long versionKey;
  final List<String> hotkeys = new ArrayList<>();
  final List<Long> lastUpdate = new ArrayList<>();
  /** When true the view reports no recent update, so only the extrinsic's own check can refuse. */
  boolean hideLastUpdate;
  final List<Commit> commits = new ArrayList<>();
  int[] storedUids;
  int[] storedWeights;
  int extrinsics;

  FakeWeightSetter(int netuid, byte[] validatorKey, List<String> hotkeys) {
    this.netuid = netuid;
    this.validatorKey = validatorKey.clone();
    this.hotkeys.addAll(hotkeys);
    hotkeys.forEach(h -> lastUpdate.add(0L));
  }

  void advance(long blocks) {
    block += blocks;
  }

  long epoch() {
    return (block + netuid + 1) / (tempo + 1);
  }

  /** Moves to the first block of epoch {@code e}. */
  void advanceToEpoch(long e) {
    while (epoch() < e) {
      block++;
    }
  }

  private int self() {
    return hotkeys.indexOf(ai.kinitro.common.crypto.Ss58.encode(validatorKey));
  }

  @Override
  public SubnetView subnet(int n) {
    List<Long> updates = hideLastUpdate ? lastUpdate.stream().map(x -> 0L).toList() : lastUpdate;
    return new SubnetView(netuid, block, tempo, rateLimit, commitReveal, revealPeriod, versionKey, hotkeys, updates);
  }

  private TxOutcome rateLimited() {
    long last = lastUpdate.get(self());
    if (last > 0 && block - last < rateLimit) {
      return new TxOutcome.Rejected(ErrorCode.CHAIN_RATE_LIMITED, "SettingWeightsTooFast", OptionalLong.of(last + rateLimit));
    }
    return null;
  }

  @Override
  public TxOutcome setWeights(int n, int[] uids, int[] weights, long vk) {
    extrinsics++;
    if (commitReveal) {
      return new TxOutcome.Rejected(ErrorCode.WEIGHTS_REJECTED_BY_CHAIN, "CommitRevealEnabled", OptionalLong.empty());
    }
    if (vk < versionKey) {
      return new TxOutcome.Rejected(ErrorCode.WEIGHTS_REJECTED_BY_CHAIN, "IncorrectWeightVersionKey", OptionalLong.empty());
    }
    TxOutcome limited = rateLimited();
    if (limited != null) {
      return limited;
    }
    storedUids = uids.clone();
    storedWeights = weights.clone();
    lastUpdate.set(self(), block);
    return new TxOutcome.Included(block);
  }

  @Override
  public TxOutcome commitWeights(int n, byte[] hash) {
    extrinsics++;
    if (!commitReveal) {
      return new TxOutcome.Rejected(ErrorCode.WEIGHTS_REJECTED_BY_CHAIN, "CommitRevealDisabled", OptionalLong.empty());
    }
    TxOutcome limited = rateLimited();
    if (limited != null) {
      return limited;
    }
    if (commits.size() >= 10) {
      return new TxOutcome.Rejected(ErrorCode.CHAIN_TOO_MANY_UNREVEALED_COMMITS, "TooManyUnrevealedCommits", OptionalLong.empty());
    }
    commits.add(new Commit(hash.clone(), epoch()));
    lastUpdate.set(self(), block);
    return new TxOutcome.Included(block);
  }

  @Override
  public TxOutcome revealWeights(int n, int[] uids, int[] weights, int[] salt, long vk) {
    extrinsics++;
    byte[] hash = WeightsCommitHash.compute(new AccountId(validatorKey), netuid, uids, weights, salt, vk);
    for (Commit c : commits) {
      if (Arrays.equals(c.hash(), hash)) {
        if (epoch() < c.epoch() + revealPeriod) {
          return new TxOutcome.Rejected(ErrorCode.WEIGHTS_REJECTED_BY_CHAIN, "RevealTooEarly", OptionalLong.empty());
        }
        if (epoch() > c.epoch() + revealPeriod) {
          return new TxOutcome.Rejected(ErrorCode.WEIGHTS_REJECTED_BY_CHAIN, "ExpiredWeightCommit", OptionalLong.empty());
        }
        commits.remove(c);
        storedUids = uids.clone();
        storedWeights = weights.clone();
        return new TxOutcome.Included(block);
      }
    }
    return new TxOutcome.Rejected(ErrorCode.WEIGHTS_REJECTED_BY_CHAIN, "NoWeightsCommitFound", OptionalLong.empty());
  }
}
