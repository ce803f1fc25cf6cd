package ai.kinitro.miner.backend;

import java.util.Objects;

/**
 * The answer to {@link BackendClient#renewUpload}: a fresh URL for the same upload, or the reason
 * the upload cannot be renewed and a new upload must be requested instead.
 */
public sealed interface RenewalOutcome {
  /** The backend presigned a fresh PUT for the same upload (same submission id and version). */
  record Renewed(UploadTicket ticket) implements RenewalOutcome {
    public Renewed {
      Objects.requireNonNull(ticket, "ticket");
    }
  }

  /**
   * The pending upload is gone (it expired uncommitted, or the backend does not know it) or the
   * backend predates renewals: only a new upload request helps.
   *
   * @param reason what the backend said, for the miner
   */
  record NeedsNewUpload(String reason) implements RenewalOutcome {
    public NeedsNewUpload {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
