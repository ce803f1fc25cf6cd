package ai.kinitro.common.chain.client;

import ai.kinitro.common.chain.AccountId;
import java.util.Objects;

/**
 * One uid of a subnet. Uids are reused after deregistration: identify a neuron by (hotkey,
 * registration block), not by uid.
 *
 * @param uid the slot
 * @param hotkey the registered hotkey
 * @param coldkey its owning coldkey
 * @param active the subnet's activity flag
 * @param validatorPermit whether it may set weights as a validator
 * @param registrationBlock the block it registered in
 * @param lastUpdate the block it last set weights in (0 = never)
 * @param alphaStake stake in the subnet's alpha (rao); from storage this is TotalHotkeyAlpha (or
 *     TotalHotkeyStake before dynamic TAO)
 * @param taoStake root TAO stake (rao); 0 when read from storage
 * @param totalStake the stake weight the chain uses; equals {@code alphaStake} when read from storage
 */
public record Neuron(
    int uid, AccountId hotkey, AccountId coldkey, boolean active, boolean validatorPermit,
    long registrationBlock, long lastUpdate, long alphaStake, long taoStake, long totalStake) {
  public Neuron {
    Objects.requireNonNull(hotkey, "hotkey");
    Objects.requireNonNull(coldkey, "coldkey");
  }
}
