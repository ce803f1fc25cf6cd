package ai.kinitro.evaluator.episodes;

import ai.kinitro.common.protocol.ObservationRef;

/** Stores one PNG-encoded camera frame and says where it is. */
public interface FrameStore {
  /**
   * Stores {@code png} under {@code key} (relative to the store's prefix).
   *
   * @throws ai.kinitro.common.error.KinitroException FRAME_UPLOAD_FAILED
   */
  ObservationRef put(String key, String camera, byte[] png);
}
