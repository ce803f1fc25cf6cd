package ai.kinitro.devchain.runtime;

import ai.kinitro.common.chain.AccountId;
import java.util.List;
import java.util.Objects;

/**
 * One uid of the subnet.
 *
 * @param hotkey {@code Keys(netuid, uid)}
 * @param coldkey {@code Owner(hotkey)}
 * @param stake {@code TotalHotkeyAlpha(hotkey, netuid)}, in rao
 * @param registeredAt {@code BlockAtRegistration(netuid, uid)}
 * @param validatorPermit {@code ValidatorPermit[uid]}
 * @param active {@code Active[uid]}
 * @param lastUpdate {@code LastUpdate[uid]}: the block of the last weight set or commit
 * @param weights {@code Weights(netuid, uid)}, max-upscaled
 */
public record Neuron(
    AccountId hotkey,
    AccountId coldkey,
    long stake,
    long registeredAt,
    boolean validatorPermit,
    boolean active,
    long lastUpdate,
    List<WeightEntry> weights) {

  public Neuron {
    Objects.requireNonNull(hotkey, "hotkey");
    Objects.requireNonNull(coldkey, "coldkey");
    weights = List.copyOf(weights);
  }

  /** A newly registered neuron: active, no permit, no weights, last update at its registration block. */
  public static Neuron registered(AccountId hotkey, AccountId coldkey, long stake, long block) {
    return new Neuron(hotkey, coldkey, stake, block, false, true, block, List.of());
  }

  public Neuron withStake(long newStake) {
    return new Neuron(hotkey, coldkey, newStake, registeredAt, validatorPermit, active, lastUpdate, weights);
  }

  public Neuron withValidatorPermit(boolean permit) {
    return new Neuron(hotkey, coldkey, stake, registeredAt, permit, active, lastUpdate, weights);
  }

  public Neuron withLastUpdate(long block) {
    return new Neuron(hotkey, coldkey, stake, registeredAt, validatorPermit, active, block, weights);
  }

  public Neuron withWeights(List<WeightEntry> newWeights) {
    return new Neuron(hotkey, coldkey, stake, registeredAt, validatorPermit, active, lastUpdate, newWeights);
  }
}
