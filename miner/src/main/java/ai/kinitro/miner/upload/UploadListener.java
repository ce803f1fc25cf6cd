package ai.kinitro.miner.upload;

import ai.kinitro.miner.backend.UploadTicket;
import java.time.Duration;

/** What an upload is doing, for a progress bar or a wizard. */
public interface UploadListener {
  UploadListener NONE = new UploadListener() {};

  /** The backend granted an upload. */
  default void granted(UploadTicket ticket, String version) {}

  /** Bytes handed to the connection so far, out of {@code total}. */
  default void progress(long sent, long total) {}

  /** The PUT failed and is tried again after {@code wait}. */
  default void retrying(String reason, int attempt, Duration wait) {}

  /** The presigned URL expired; a new upload was requested under {@code newVersion}. */
  default void renewing(String reason, String newVersion) {}
}
