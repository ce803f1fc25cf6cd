package ai.kinitro.common.chain.client;

import ai.kinitro.common.chain.AccountId;
import java.util.Objects;
import java.util.Optional;

/**
 * The subnet hyperparameters that decide how weights may be set, read at one block with the
 * runtime's defaults applied for values never written.
 *
 * @param netuid the subnet
 * @param block where they were read
 * @param tempo blocks per epoch
 * @param weightsRateLimit blocks between two set_weights of one hotkey
 * @param commitRevealEnabled whether plain set_weights is refused in favour of commit-reveal
 * @param revealPeriodEpochs epochs between a commit and its reveal (1 if the runtime has no such item)
 * @param weightsVersionKey the minimum version key set_weights must carry
 * @param minAllowedWeights the minimum number of weights per call
 * @param maxWeightsLimit the largest single weight after max-upscaling (u16)
 * @param owner the subnet owner's coldkey
 * @param ownerHotkey the owner's hotkey, where the runtime records one
 */
public record SubnetParams(
    int netuid, BlockId block, int tempo, long weightsRateLimit, boolean commitRevealEnabled, long revealPeriodEpochs,
    long weightsVersionKey, int minAllowedWeights, int maxWeightsLimit, AccountId owner,
    Optional<AccountId> ownerHotkey) {
  public SubnetParams {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(ownerHotkey, "ownerHotkey");
  }
}
