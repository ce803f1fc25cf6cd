package ai.kinitro.common.protocol;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;

/**
 * The protocol version exchanged in the handshake of both channels ({@code protocol_version}). It
 * is a single integer, the major version: adding optional fields or new event types does not
 * change it; renaming, removing or re-typing a field does.
 */
public final class ProtocolVersion {
  /** The only version this code speaks. */
  public static final int CURRENT = 1;

  private ProtocolVersion() {}

  /** Whether a peer announcing {@code version} can talk to us. */
  public static boolean isSupported(long version) {
    return version == CURRENT;
  }

  /** Returns {@code version} or throws UNSUPPORTED_PROTOCOL_VERSION. */
  public static int require(int version) {
    if (!isSupported(version)) {
      throw new KinitroException(
          ErrorCode.UNSUPPORTED_PROTOCOL_VERSION,
          "protocol_version " + version + " is not supported; this peer speaks version " + CURRENT);
    }
    return version;
  }
}
