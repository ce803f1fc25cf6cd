package ai.kinitro.evaluator.logs;

import ai.kinitro.common.protocol.validator.LogArtifact;

/** Stores one encoded log bundle and says where it is. */
public interface LogBundleStore {
  /**
   * Stores {@code json} (UTF-8) under exactly {@code key}, in a bounded time.
   *
   * @return where it is, with the time it was stored
   * @throws ai.kinitro.common.error.KinitroException LOG_BUNDLE_UPLOAD_FAILED
   */
  LogArtifact put(String key, byte[] json);
}
