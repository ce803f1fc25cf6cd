package ai.kinitro.miner.upload;

import java.time.Duration;
import java.util.Objects;

/**
 * Retry rules: each presigned URL gets up to {@code putAttempts} PUTs (connection failures and
 * server errors are retried after {@code backoff}, doubled each time); an expired URL is renewed
 * (or, when the backend cannot renew it, replaced by a new upload request) up to {@code renewals}
 * times; URLs with less than {@code minUrlLife} left are renewed before the PUT starts.
 */
public record UploadPolicy(int putAttempts, Duration backoff, int renewals, Duration minUrlLife) {
  public static final UploadPolicy DEFAULT = new UploadPolicy(3, Duration.ofSeconds(1), 2, Duration.ofSeconds(5));

  public UploadPolicy {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(minUrlLife, "minUrlLife");
    if (putAttempts < 1 || renewals < 0) {
      throw new IllegalArgumentException("putAttempts must be >= 1 and renewals >= 0");
    }
  }
}
