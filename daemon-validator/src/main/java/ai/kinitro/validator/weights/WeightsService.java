package ai.kinitro.validator.weights;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.WeightsCommitHash;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.validator.identity.ValidatorIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weights duty. Each {@link #pollOnce()} reads the subnet once and does at most one extrinsic:
 * reveal a due commit; or set (plain) or commit (commit-reveal v2) the newest unexpired snapshot
 * when it was not applied yet or was last applied longer ago than the re-apply cadence — unless the
 * rate limit has not passed, in which case it waits and tries again after the limit (a last update
 * at block 0 means the uid never set weights, which the chain does not rate-limit).
 */
public final class WeightsService {
  /** Metric: weight extrinsics, by action (set, commit, reveal), outcome and error code. */
  public static final String WEIGHT_SETS = "kinitro.weights.sets";
  /** Salt length of a v2 commit (as the Bittensor SDK). */
  static final int SALT_LENGTH = 8;

  private static final Logger LOG = LoggerFactory.getLogger(WeightsService.class);

  /** What one step did (for tests and logs). */
  public enum Step {
    NOTHING_TO_SET, UP_TO_DATE, WAITING_FOR_RATE_LIMIT, WAITING_FOR_REVEAL, SET, COMMITTED, REVEALED, FAILED
  }

  private final WeightSetter chain;
  private final WeightsStore store;
  private final ValidatorIdentity identity;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final MeterRegistry metrics;
  private final int netuid;
  private final long versionKey;
  private final Duration reapplyInterval;
  private long notBeforeBlock;

  public WeightsService(WeightSetter chain, WeightsStore store, ValidatorIdentity identity, InstantSource clock,
      RandomGenerator random, MeterRegistry metrics, int netuid, long versionKey, Duration reapplyInterval) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.store = Objects.requireNonNull(store, "store");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.netuid = netuid;
    this.versionKey = versionKey;
    this.reapplyInterval = Objects.requireNonNull(reapplyInterval, "reapplyInterval");
  }

  /** One step of the duty. */
  public synchronized Step pollOnce() {
    Instant now = clock.instant();
    SubnetView subnet = chain.subnet(netuid);
    Optional<WeightsStore.PendingCommit> open = store.openCommit(netuid);
    if (open.isPresent()) {
      WeightsStore.PendingCommit commit = open.get();
      long epoch = subnet.epoch();
      if (epoch < commit.revealEpoch()) {
        return Step.WAITING_FOR_REVEAL;
      }
      if (epoch == commit.revealEpoch()) {
        return reveal(commit, now);
      }
      LOG.warn("The weights commit of block {} was not revealed in its epoch {} (now {}); committing again",
          commit.commitBlock(), commit.revealEpoch(), epoch);
      store.finishCommit(commit.id(), false, now);
      count("reveal", "expired", null);
    }
    Optional<WeightsStore.Stored> newest = store.newestUnexpired(netuid, now);
    if (newest.isEmpty()) {
      return Step.NOTHING_TO_SET;
    }
    WeightsStore.Stored stored = newest.get();
    if (stored.appliedAt().isPresent() && stored.appliedAt().get().plus(reapplyInterval).isAfter(now)) {
      return Step.UP_TO_DATE;
    }
    if (subnet.block() < notBeforeBlock) {
      return Step.WAITING_FOR_RATE_LIMIT;
    }
    OptionalInt self = subnet.uidOf(identity.hotkey());
    if (self.isEmpty()) {
      return fail(stored.snapshot(), ErrorCode.WEIGHTS_REJECTED_BY_CHAIN, "hotkey " + identity.hotkey()
          + " is not registered on subnet " + netuid + "; register it before it can set weights", "set");
    }
    if (versionKey < subnet.weightsVersionKey()) {
      return fail(stored.snapshot(), ErrorCode.VALIDATOR_CONFIG_INVALID, "version key " + versionKey
          + " is below the subnet's WeightsVersionKey " + subnet.weightsVersionKey()
          + "; upgrade the validator or raise kinitro.validator.chain.version-key", "set");
    }
    long lastUpdate = subnet.lastUpdate().get(self.getAsInt());
    if (lastUpdate > 0 && subnet.block() - lastUpdate < subnet.weightsRateLimit()) {
      notBeforeBlock = lastUpdate + subnet.weightsRateLimit();
      LOG.info("Weights rate limit: last update at block {}, limit {} blocks; waiting until block {}", lastUpdate,
          subnet.weightsRateLimit(), notBeforeBlock);
      return Step.WAITING_FOR_RATE_LIMIT;
    }
    WeightVector vector;
    try {
      vector = WeightVector.plan(stored.snapshot().entries(), subnet);
    } catch (KinitroException e) {
      return fail(stored.snapshot(), e.code(), e.getMessage(), "set");
    }
    return subnet.commitRevealEnabled() ? commit(stored.snapshot(), vector, subnet, now) : set(stored.snapshot(), vector, subnet, now);
  }

  private Step set(WeightsSnapshot snapshot, WeightVector v, SubnetView subnet, Instant now) {
    TxOutcome outcome = chain.setWeights(netuid, v.uids(), v.weights(), versionKey);
    return switch (outcome) {
      case TxOutcome.Included included -> {
        store.markApplied(snapshot.messageId(), now);
        count("set", "success", null);
        LOG.info("Set weights of snapshot {} on subnet {} in block {}: {}", snapshot.snapshotId(), netuid, included.block(), v);
        yield Step.SET;
      }
      case TxOutcome.Rejected rejected -> rejected(snapshot, rejected, subnet, "set");
    };
  }

  private Step commit(WeightsSnapshot snapshot, WeightVector v, SubnetView subnet, Instant now) {
    int[] salt = new int[SALT_LENGTH];
    for (int i = 0; i < salt.length; i++) {
      salt[i] = random.nextInt(WeightVector.U16_MAX + 1);
    }
    byte[] hash = WeightsCommitHash.compute(new AccountId(identity.signer().publicKey()), netuid, v.uids(), v.weights(), salt, versionKey);
    TxOutcome outcome = chain.commitWeights(netuid, hash);
    return switch (outcome) {
      case TxOutcome.Included included -> {
        long revealEpoch = subnet.epochAt(included.block()) + subnet.revealPeriodEpochs();
        store.saveCommit(netuid, snapshot.messageId(), v, salt, versionKey, hash, included.block(), revealEpoch, now);
        count("commit", "success", null);
        LOG.info("Committed weights of snapshot {} on subnet {} in block {}; reveal in epoch {}", snapshot.snapshotId(), netuid,
            included.block(), revealEpoch);
        yield Step.COMMITTED;
      }
      case TxOutcome.Rejected rejected -> rejected(snapshot, rejected, subnet, "commit");
    };
  }

  private Step reveal(WeightsStore.PendingCommit commit, Instant now) {
    TxOutcome outcome = chain.revealWeights(netuid, commit.uids(), commit.weights(), commit.salt(), commit.versionKey());
    return switch (outcome) {
      case TxOutcome.Included included -> {
        store.finishCommit(commit.id(), true, now);
        store.markApplied(commit.snapshotMessageId(), now);
        count("reveal", "success", null);
        LOG.info("Revealed the weights committed in block {} (subnet {}) in block {}", commit.commitBlock(), netuid, included.block());
        yield Step.REVEALED;
      }
      case TxOutcome.Rejected rejected -> {
        count("reveal", "failure", rejected.code());
        LOG.warn("Revealing the weights committed in block {} failed: {} ({}); retrying while the reveal epoch lasts",
            commit.commitBlock(), rejected.code(), rejected.chainError());
        yield Step.FAILED;
      }
    };
  }

  private Step rejected(WeightsSnapshot snapshot, TxOutcome.Rejected rejected, SubnetView subnet, String action) {
    count(action, "failure", rejected.code());
    store.recordError(snapshot.messageId(), rejected.code() + ": " + rejected.chainError());
    if (rejected.code() == ErrorCode.CHAIN_RATE_LIMITED) {
      notBeforeBlock = rejected.retryAtBlock().orElse(subnet.block() + Math.max(1, subnet.weightsRateLimit()));
      LOG.info("The chain refused the weights as too early ({}); retrying at block {}", rejected.chainError(), notBeforeBlock);
      return Step.WAITING_FOR_RATE_LIMIT;
    }
    LOG.warn("The chain refused to {} weights of snapshot {}: {} ({})", action, snapshot.snapshotId(), rejected.code(),
        rejected.chainError());
    return Step.FAILED;
  }

  private Step fail(WeightsSnapshot snapshot, ErrorCode code, String message, String action) {
    count(action, "failure", code);
    store.recordError(snapshot.messageId(), code + ": " + message);
    LOG.warn("Cannot set the weights of snapshot {}: {} ({})", snapshot.snapshotId(), message, code);
    return Step.FAILED;
  }

  private void count(String action, String outcome, ErrorCode code) {
    metrics.counter(WEIGHT_SETS, "action", action, "outcome", outcome, "code",
        code == null ? "none" : code.name().toLowerCase(Locale.ROOT)).increment();
  }
}
