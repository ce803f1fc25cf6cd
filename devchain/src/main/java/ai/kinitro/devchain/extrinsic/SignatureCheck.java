package ai.kinitro.devchain.extrinsic;

import ai.kinitro.common.chain.ExtrinsicBuilder;
import ai.kinitro.common.chain.SigningParams;
import ai.kinitro.common.crypto.Sr25519;
import java.util.Arrays;

/**
 * Checks a signed extrinsic's signature the way the runtime does: rebuild {@code call ++ explicit
 * ++ implicit} from the chain's spec/transaction versions, genesis hash and the hash of the era's
 * birth block (as this chain knows them), hash it when longer than 256 bytes, and verify with
 * sr25519 under the {@code "substrate"} context. A signature made for another chain, another
 * runtime version or another birth block therefore fails, as on a node.
 */
public final class SignatureCheck {
  private SignatureCheck() {}

  /** The message the signer must have signed for this chain. */
  public static byte[] expectedMessage(UncheckedExtrinsic.Signed signed, byte[] call, long specVersion,
      long transactionVersion, byte[] genesisHash, byte[] birthHash) {
    if (signed.metadataHashMode() != 0) {
      // Mode "Enabled" adds Some(metadata hash) to the implicit part; the dev chain has no metadata hash,
      // so no signature over it can match. Build a payload that cannot verify.
      return new byte[0];
    }
    SigningParams params = new SigningParams(specVersion, transactionVersion, genesisHash, signed.era(),
        signed.era().isImmortal() ? genesisHash : birthHash, signed.nonce(), signed.tip());
    return ExtrinsicBuilder.messageToSign(ExtrinsicBuilder.signingPayload(call, params));
  }

  /** True when the sr25519 signature verifies over the payload this chain expects. */
  public static boolean verifies(UncheckedExtrinsic.Signed signed, byte[] call, long specVersion,
      long transactionVersion, byte[] genesisHash, byte[] birthHash) {
    if (!signed.isSr25519()) {
      return false;
    }
    byte[] message = expectedMessage(signed, call, specVersion, transactionVersion, genesisHash, birthHash);
    if (message.length == 0) {
      return false;
    }
    return Sr25519.verify(signed.signer().bytes(), message, signed.signature());
  }

  /** True for the all-zero account, which {@code CheckNonZeroSender} refuses. */
  public static boolean isZeroSender(UncheckedExtrinsic.Signed signed) {
    return Arrays.equals(signed.signer().bytes(), new byte[32]);
  }
}
