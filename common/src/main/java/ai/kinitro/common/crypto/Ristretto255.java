package ai.kinitro.common.crypto;

import cafe.cryptography.curve25519.CompressedRistretto;
import cafe.cryptography.curve25519.Constants;
import cafe.cryptography.curve25519.InvalidEncodingException;
import cafe.cryptography.curve25519.RistrettoElement;
import cafe.cryptography.curve25519.Scalar;
import java.util.Optional;

/**
 * The ristretto255 group operations sr25519 needs, on plain byte arrays: 32-byte little-endian
 * scalars modulo ℓ and 32-byte compressed points. This is the only class that touches the group
 * library (curve25519-elisabeth); swapping it means rewriting this file only.
 *
 * <p>Scalars given to these methods must be canonical (below ℓ); that is an internal invariant,
 * so a violation is an {@link IllegalArgumentException}, not a user error.
 */
final class Ristretto255 {
  static final int SCALAR_BYTES = 32;
  static final int POINT_BYTES = 32;

  private Ristretto255() {}

  /** The compressed point {@code scalar · B}. */
  static byte[] multiplyBase(byte[] scalar) {
    return Constants.RISTRETTO_GENERATOR_TABLE.multiply(scalar(scalar)).compress().toByteArray();
  }

  /** A 64-byte little-endian integer reduced modulo ℓ. */
  static byte[] reduceWide(byte[] wide) {
    if (wide.length != 64) {
      throw new IllegalArgumentException("wide reduction needs 64 bytes, got " + wide.length);
    }
    return Scalar.fromBytesModOrderWide(wide.clone()).toByteArray();
  }

  /** Whether {@code bytes} is the canonical encoding of a scalar (32 bytes, value below ℓ). */
  static boolean isCanonicalScalar(byte[] bytes) {
    if (bytes.length != SCALAR_BYTES) {
      return false;
    }
    try {
      Scalar.fromCanonicalBytes(bytes.clone());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code a · b + c mod ℓ}. */
  static byte[] multiplyAdd(byte[] a, byte[] b, byte[] c) {
    return scalar(a).multiplyAndAdd(scalar(b), scalar(c)).toByteArray();
  }

  /** {@code a + b mod ℓ}. */
  static byte[] add(byte[] a, byte[] b) {
    return scalar(a).add(scalar(b)).toByteArray();
  }

  /** Whether {@code compressed} is the canonical encoding of a group element. */
  static boolean isValidPoint(byte[] compressed) {
    return decompress(compressed).isPresent();
  }

  /**
   * The compressed point {@code s · B − k · P}, or empty if {@code point} is not a valid encoding.
   * This is the left side of the Schnorr verification equation.
   */
  static Optional<byte[]> baseMinusMultiple(byte[] s, byte[] k, byte[] point) {
    return decompress(point)
        .map(p -> Constants.RISTRETTO_GENERATOR_TABLE
            .multiply(scalar(s))
            .subtract(p.multiply(scalar(k)))
            .compress()
            .toByteArray());
  }

  /** The compressed sum {@code P + scalar · B}, or empty if {@code point} is not a valid encoding. */
  static Optional<byte[]> addMultipleOfBase(byte[] point, byte[] scalar) {
    return decompress(point)
        .map(p -> p.add(Constants.RISTRETTO_GENERATOR_TABLE.multiply(scalar(scalar))).compress().toByteArray());
  }

  private static Optional<RistrettoElement> decompress(byte[] compressed) {
    if (compressed.length != POINT_BYTES) {
      return Optional.empty();
    }
    try {
      return Optional.of(new CompressedRistretto(compressed.clone()).decompress());
    } catch (InvalidEncodingException e) {
      return Optional.empty();
    }
  }

  private static Scalar scalar(byte[] bytes) {
    return Scalar.fromCanonicalBytes(bytes.clone());
  }
}
