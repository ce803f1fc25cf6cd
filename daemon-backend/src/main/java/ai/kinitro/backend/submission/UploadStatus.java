package ai.kinitro.backend.submission;

/**
 * Life of a miner upload: {@code PENDING} (URL handed out) → {@code UPLOADED} (object verified in
 * the vault) → {@code PROCESSED} (committed on chain, a submission exists); or {@code EXPIRED}
 * (never completed in time) / {@code REJECTED} (checksum or size mismatch). Expired and rejected
 * uploads no longer block their version.
 */
public enum UploadStatus {
  PENDING,
  UPLOADED,
  PROCESSED,
  EXPIRED,
  REJECTED;

  /** Whether the upload still holds its (hotkey, competition, version). */
  public boolean live() {
    return this == PENDING || this == UPLOADED || this == PROCESSED;
  }
}
