package ai.kinitro.common.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A Merlin transcript (merlin.cool): a STROBE-128 duplex that absorbs labelled messages and
 * squeezes labelled challenges, so that a protocol's Fiat-Shamir challenges are bound to
 * everything appended before. Also builds the synthetic-nonce "witness" RNG that schnorrkel uses:
 * secret witness bytes plus fresh randomness, forked from the transcript without changing it.
 *
 * <p>Labels are byte strings; the {@code String} overloads encode them as UTF-8. Not thread-safe;
 * use {@link #copy()} to fork.
 */
public final class MerlinTranscript {
  private static final byte[] MERLIN_PROTOCOL_LABEL = "Merlin v1.0".getBytes(UTF_8);
  private static final byte[] DOM_SEP = "dom-sep".getBytes(UTF_8);
  private static final byte[] RNG = "rng".getBytes(UTF_8);

  private final Strobe128 strobe;

  /** A new transcript for the protocol named {@code label}. */
  public MerlinTranscript(byte[] label) {
    Objects.requireNonNull(label, "label");
    strobe = new Strobe128(MERLIN_PROTOCOL_LABEL);
    appendMessage(DOM_SEP, label);
  }

  /** A new transcript for the protocol named {@code label} (UTF-8). */
  public MerlinTranscript(String label) {
    this(Objects.requireNonNull(label, "label").getBytes(UTF_8));
  }

  private MerlinTranscript(Strobe128 strobe) {
    this.strobe = strobe;
  }

  /** An independent copy: appending to one does not affect the other. */
  public MerlinTranscript copy() {
    return new MerlinTranscript(strobe.copy());
  }

  /** Absorbs {@code message} under {@code label}. */
  public MerlinTranscript appendMessage(byte[] label, byte[] message) {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(message, "message");
    strobe.metaAd(label, false);
    strobe.metaAd(le32(message.length), true);
    strobe.ad(message, false);
    return this;
  }

  public MerlinTranscript appendMessage(String label, byte[] message) {
    return appendMessage(Objects.requireNonNull(label, "label").getBytes(UTF_8), message);
  }

  /** Squeezes a {@code length}-byte challenge bound to everything appended so far. */
  public byte[] challengeBytes(byte[] label, int length) {
    Objects.requireNonNull(label, "label");
    if (length < 0) {
      throw new IllegalArgumentException("challenge length must not be negative: " + length);
    }
    strobe.metaAd(label, false);
    strobe.metaAd(le32(length), true);
    return strobe.prf(length, false);
  }

  public byte[] challengeBytes(String label, int length) {
    return challengeBytes(Objects.requireNonNull(label, "label").getBytes(UTF_8), length);
  }

  /**
   * Synthetic nonce bytes (Merlin's {@code TranscriptRng}) without changing this transcript: a
   * fork of the state is rekeyed with each of {@code witnesses} under {@code label}, then with 32
   * bytes from {@code random}, and {@code length} bytes are squeezed from it. Because the secret
   * witnesses are bound in, a weak {@code random} does not leak them.
   */
  public byte[] witnessBytes(byte[] label, int length, RandomGenerator random, byte[]... witnesses) {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(witnesses, "witnesses");
    if (length < 0) {
      throw new IllegalArgumentException("witness length must not be negative: " + length);
    }
    Strobe128 fork = strobe.copy();
    for (byte[] witness : witnesses) {
      Objects.requireNonNull(witness, "witness");
      fork.metaAd(label, false);
      fork.metaAd(le32(witness.length), true);
      fork.key(witness, false);
    }
    byte[] randomBytes = new byte[32];
    random.nextBytes(randomBytes);
    fork.metaAd(RNG, false);
    fork.key(randomBytes, false);
    fork.metaAd(le32(length), false);
    return fork.prf(length, false);
  }

  public byte[] witnessBytes(String label, int length, RandomGenerator random, byte[]... witnesses) {
    return witnessBytes(Objects.requireNonNull(label, "label").getBytes(UTF_8), length, random, witnesses);
  }

  private static byte[] le32(int value) {
    return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
  }
}
