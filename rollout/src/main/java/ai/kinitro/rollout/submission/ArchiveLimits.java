package ai.kinitro.rollout.submission;

/**
 * Limits on a submission archive: its compressed size, the total bytes it unpacks to (counted as
 * they are written, never trusting headers), and the number of entries.
 */
public record ArchiveLimits(long maxArchiveBytes, long maxUnpackedBytes, int maxEntries) {
  public static final ArchiveLimits DEFAULT = new ArchiveLimits(256L << 20, 1L << 30, 10_000);

  public ArchiveLimits {
    if (maxArchiveBytes <= 0 || maxUnpackedBytes <= 0 || maxEntries <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
