package ai.kinitro.common.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * The subset of STROBE-128 (Keccak-f[1600], rate 166 bytes) that Merlin transcripts use: {@code
 * meta_ad}, {@code ad}, {@code prf} and {@code key}. Not thread-safe; {@link #copy()} forks the
 * state.
 */
final class Strobe128 {
  private static final int RATE = 166;

  private static final int FLAG_I = 1;
  private static final int FLAG_A = 1 << 1;
  private static final int FLAG_C = 1 << 2;
  private static final int FLAG_M = 1 << 4;
  private static final int FLAG_K = 1 << 5;

  /** The version string absorbed at initialisation: twelve bytes, no hyphen. */
  private static final byte[] VERSION = "STROBEv1.0.2".getBytes(US_ASCII);

  private final byte[] state;
  private int pos;
  private int posBegin;
  private int currentFlags;

  Strobe128(byte[] protocolLabel) {
    state = new byte[Keccak.STATE_BYTES];
    state[0] = 1;
    state[1] = (byte) (RATE + 2);
    state[2] = 1;
    state[3] = 0;
    state[4] = 1;
    state[5] = 96;
    System.arraycopy(VERSION, 0, state, 6, VERSION.length);
    Keccak.permute(state);
    metaAd(protocolLabel, false);
  }

  private Strobe128(Strobe128 other) {
    state = other.state.clone();
    pos = other.pos;
    posBegin = other.posBegin;
    currentFlags = other.currentFlags;
  }

  /** An independent copy of this state. */
  Strobe128 copy() {
    return new Strobe128(this);
  }

  void metaAd(byte[] data, boolean more) {
    beginOp(FLAG_M | FLAG_A, more);
    absorb(data);
  }

  void ad(byte[] data, boolean more) {
    beginOp(FLAG_A, more);
    absorb(data);
  }

  byte[] prf(int length, boolean more) {
    beginOp(FLAG_I | FLAG_A | FLAG_C, more);
    byte[] out = new byte[length];
    squeeze(out);
    return out;
  }

  void key(byte[] data, boolean more) {
    beginOp(FLAG_A | FLAG_C, more);
    overwrite(data);
  }

  private void beginOp(int flags, boolean more) {
    if (more) {
      if (currentFlags != flags) {
        throw new IllegalStateException("STROBE continuation with different flags");
      }
      return;
    }
    int oldBegin = posBegin;
    posBegin = pos + 1;
    currentFlags = flags;
    absorb(new byte[] {(byte) oldBegin, (byte) flags});
    boolean forceF = (flags & (FLAG_C | FLAG_K)) != 0;
    if (forceF && pos != 0) {
      runF();
    }
  }

  private void absorb(byte[] data) {
    for (byte b : data) {
      state[pos] ^= b;
      advance();
    }
  }

  private void overwrite(byte[] data) {
    for (byte b : data) {
      state[pos] = b;
      advance();
    }
  }

  private void squeeze(byte[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = state[pos];
      state[pos] = 0;
      advance();
    }
  }

  private void advance() {
    pos++;
    if (pos == RATE) {
      runF();
    }
  }

  private void runF() {
    state[pos] ^= (byte) posBegin;
    state[pos + 1] ^= 0x04;
    state[RATE + 1] ^= (byte) 0x80;
    Keccak.permute(state);
    pos = 0;
    posBegin = 0;
  }
}
