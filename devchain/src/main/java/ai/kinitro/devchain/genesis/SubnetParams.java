package ai.kinitro.devchain.genesis;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;

/**
 * A subnet's hyperparameters, as subtensor stores them (chain.md §1.3). The {@code DEFAULT_*}
 * constants are the dev chain's genesis defaults: shorter than mainnet's so a local run shows
 * epochs and rate limits within minutes.
 *
 * @param tempo blocks per epoch minus one; the epoch runs when {@code (block + netuid + 1) % (tempo + 1) == 0}
 * @param weightsSetRateLimit blocks a uid must wait between two weight sets (or commits)
 * @param commitRevealEnabled whether plain {@code set_weights} is refused in favour of commit/reveal
 * @param revealPeriodEpochs how many epochs after its commit a v2 commit is revealed
 * @param weightsVersionKey the minimum version key weights must carry (0 accepts any)
 * @param minAllowedWeights the minimum number of weights a validator sets (capped by the subnet size)
 * @param maxWeightsLimit the largest normalised weight, as a fraction of 65535
 * @param maxAllowedValidators how many uids get a validator permit at each epoch (top stake)
 * @param maxAllowedUids the subnet size; a registration on a full subnet replaces a neuron
 * @param immunityPeriod blocks after registration during which a neuron cannot be replaced
 * @param stakeThreshold the stake (rao) a hotkey needs to set weights (the owner is exempt)
 * @param maxSpace the Commitments pallet's per-epoch byte budget per hotkey
 */
public record SubnetParams(
    int tempo,
    long weightsSetRateLimit,
    boolean commitRevealEnabled,
    long revealPeriodEpochs,
    long weightsVersionKey,
    int minAllowedWeights,
    int maxWeightsLimit,
    int maxAllowedValidators,
    int maxAllowedUids,
    int immunityPeriod,
    long stakeThreshold,
    long maxSpace) {

  public static final int DEFAULT_TEMPO = 20;
  public static final long DEFAULT_WEIGHTS_SET_RATE_LIMIT = 10;
  /** Off by default: plain set_weights is what the validator uses unless the owner opts into v2 commit-reveal. */
  public static final boolean DEFAULT_COMMIT_REVEAL_ENABLED = false;
  public static final long DEFAULT_REVEAL_PERIOD_EPOCHS = 1;
  public static final long DEFAULT_WEIGHTS_VERSION_KEY = 0;
  public static final int DEFAULT_MIN_ALLOWED_WEIGHTS = 1;
  public static final int DEFAULT_MAX_WEIGHTS_LIMIT = 0xFFFF;
  public static final int DEFAULT_MAX_ALLOWED_VALIDATORS = 2;
  public static final int DEFAULT_MAX_ALLOWED_UIDS = 256;
  public static final int DEFAULT_IMMUNITY_PERIOD = 100;
  public static final long DEFAULT_STAKE_THRESHOLD = 0;
  /** The Commitments pallet's default {@code MaxSpace}. */
  public static final long DEFAULT_MAX_SPACE = 3100;

  public SubnetParams {
    requireU16("tempo", tempo);
    requireNonNegative("weightsSetRateLimit", weightsSetRateLimit);
    requireNonNegative("revealPeriodEpochs", revealPeriodEpochs);
    requireNonNegative("weightsVersionKey", weightsVersionKey);
    requireU16("minAllowedWeights", minAllowedWeights);
    requireU16("maxWeightsLimit", maxWeightsLimit);
    requireU16("maxAllowedValidators", maxAllowedValidators);
    requireU16("maxAllowedUids", maxAllowedUids);
    requireU16("immunityPeriod", immunityPeriod);
    requireNonNegative("stakeThreshold", stakeThreshold);
    if (maxSpace < 0 || maxSpace > 0xFFFF_FFFFL) {
      throw invalid("maxSpace " + maxSpace + " must fit a u32");
    }
    if (maxAllowedUids == 0) {
      throw invalid("maxAllowedUids must be at least 1");
    }
  }

  public static SubnetParams defaults() {
    return new SubnetParams(DEFAULT_TEMPO, DEFAULT_WEIGHTS_SET_RATE_LIMIT, DEFAULT_COMMIT_REVEAL_ENABLED,
        DEFAULT_REVEAL_PERIOD_EPOCHS, DEFAULT_WEIGHTS_VERSION_KEY, DEFAULT_MIN_ALLOWED_WEIGHTS,
        DEFAULT_MAX_WEIGHTS_LIMIT, DEFAULT_MAX_ALLOWED_VALIDATORS, DEFAULT_MAX_ALLOWED_UIDS, DEFAULT_IMMUNITY_PERIOD,
        DEFAULT_STAKE_THRESHOLD, DEFAULT_MAX_SPACE);
  }

  public SubnetParams withCommitRevealEnabled(boolean enabled) {
    return new SubnetParams(tempo, weightsSetRateLimit, enabled, revealPeriodEpochs, weightsVersionKey,
        minAllowedWeights, maxWeightsLimit, maxAllowedValidators, maxAllowedUids, immunityPeriod, stakeThreshold,
        maxSpace);
  }

  private static void requireU16(String name, int value) {
    if (value < 0 || value > 0xFFFF) {
      throw invalid(name + " " + value + " must be between 0 and 65535");
    }
  }

  private static void requireNonNegative(String name, long value) {
    if (value < 0) {
      throw invalid(name + " " + value + " must not be negative");
    }
  }

  private static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.DEVCHAIN_GENESIS_INVALID, message);
  }
}
