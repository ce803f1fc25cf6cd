package ai.kinitro.validator.identity;

import ai.kinitro.common.crypto.Signer;
import ai.kinitro.common.crypto.Ss58;
import java.util.Objects;

/**
 * The validator's hotkey.
 *
 * @param signer signs the handshake and extrinsics
 * @param hotkey the SS58 address of the signer's public key
 */
public record ValidatorIdentity(Signer signer, String hotkey) {
  public ValidatorIdentity {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(hotkey, "hotkey");
  }

  /** The identity of a signer. */
  public static ValidatorIdentity of(Signer signer) {
    return new ValidatorIdentity(signer, Ss58.encode(signer.publicKey()));
  }

  @Override
  public String toString() {
    return "ValidatorIdentity[" + hotkey + "]";
  }
}
