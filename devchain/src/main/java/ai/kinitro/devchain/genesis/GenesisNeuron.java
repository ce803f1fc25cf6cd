package ai.kinitro.devchain.genesis;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Objects;

/**
 * A neuron registered at genesis; its uid is its position in the genesis list.
 *
 * @param hotkey the key that signs weights and commitments
 * @param coldkey the owning key ({@code Owner(hotkey)})
 * @param stake its alpha stake on the subnet, in rao
 * @param validatorPermit whether it holds a permit until the first epoch recomputes them
 */
public record GenesisNeuron(KeyRef hotkey, KeyRef coldkey, long stake, boolean validatorPermit) {
  public GenesisNeuron {
    Objects.requireNonNull(hotkey, "hotkey");
    Objects.requireNonNull(coldkey, "coldkey");
    if (stake < 0) {
      throw new KinitroException(ErrorCode.DEVCHAIN_GENESIS_INVALID, "stake " + stake + " of " + hotkey.label()
          + " must not be negative");
    }
  }
}
