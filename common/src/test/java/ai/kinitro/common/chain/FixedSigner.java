package ai.kinitro.common.chain;

import ai.kinitro.common.crypto.Signer;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake {@link Signer} for layout tests: it answers with a fixed 64-byte "signature" and records
 * every message it was asked to sign, so tests can check exactly what would be signed.
 */
final class FixedSigner implements Signer {
  private final byte[] publicKey;
  private final byte[] signature;
  private final List<byte[]> signed = new ArrayList<>();

  FixedSigner(byte[] publicKey, byte[] signature) {
    this.publicKey = publicKey.clone();
    this.signature = signature.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public byte[] sign(byte[] message) {
    signed.add(message.clone());
    return signature.clone();
  }

  List<byte[]> signedMessages() {
    return List.copyOf(signed);
  }
}
