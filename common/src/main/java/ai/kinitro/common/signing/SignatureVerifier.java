package ai.kinitro.common.signing;

/**
 * Checks a signature: sr25519 with signing context "substrate" in production, a fake in unit
 * tests. Must return false (not throw) for any signature that does not verify, including
 * malformed ones.
 */
@FunctionalInterface
public interface SignatureVerifier {
  boolean verify(byte[] publicKey, byte[] message, byte[] signature);
}
