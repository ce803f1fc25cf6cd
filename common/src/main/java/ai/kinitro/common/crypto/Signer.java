package ai.kinitro.common.crypto;

/**
 * Something that signs with an sr25519 key under the Substrate signing context ("substrate"): a
 * loaded hotkey, a dev key, or (in unit tests) a fake. The chain client, the signed-request code
 * and the miner tools depend on this port, never on where the key came from.
 */
public interface Signer {
  /** The 32-byte public key (the account id). */
  byte[] publicKey();

  /** An sr25519 signature (64 bytes, marker bit set) over {@code message}. */
  byte[] sign(byte[] message);
}
