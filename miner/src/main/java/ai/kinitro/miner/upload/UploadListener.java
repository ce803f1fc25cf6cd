package ai.kinitro.miner.upload;

import ai.kinitro.miner.backend.UploadTicket;
import java.time.Duration;

/** What an upload is doing, for a progress bar or a wizard. */
public interface UploadListener {
  UploadListener NONE = new UploadListener() {};

  /** The backend granted an upload, or renewed its URL. */
  default void granted(UploadTicket ticket, String version) {}

  /** Bytes handed to the connection so far, out of {@code total}. */
  default void progress(long sent, long total) {}

  /** The PUT failed and is tried again after {@code wait}. */
  default void retrying(String reason, int attempt, Duration wait) {}

  /**
   * The presigned URL expired (or expires too soon to start); the backend is asked to renew the URL
   * of the same upload, which keeps its submission id and {@code version}. {@link #granted} follows
   * with the renewed ticket.
   */
  default void renewing(String reason, String version) {}

  /**
   * The URL could not be renewed ({@code reason} says why: the pending upload expired, or the
   * backend cannot renew); a new upload is requested under {@code newVersion}.
   */
  default void requestingNewUpload(String reason, String newVersion) {}
}
