package ai.kinitro.backend.result;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The log routes' settings ({@code kinitro.results.*}).
 *
 * @param logUrlTtl how long a download URL the backend signs for a log artifact in its own vault
 *     bucket works (at most 7 days, the S3 limit)
 */
@ConfigurationProperties("kinitro.results")
public record ResultLogsProperties(Duration logUrlTtl) {
  public static final Duration DEFAULT_LOG_URL_TTL = Duration.ofHours(6);
  private static final Duration MAX_URL_TTL = Duration.ofDays(7);

  public ResultLogsProperties {
    logUrlTtl = logUrlTtl == null ? DEFAULT_LOG_URL_TTL : logUrlTtl;
    if (logUrlTtl.isNegative() || logUrlTtl.isZero() || logUrlTtl.compareTo(MAX_URL_TTL) > 0) {
      throw new IllegalArgumentException("kinitro.results.log-url-ttl must be positive and at most 7 days, got " + logUrlTtl);
    }
  }
}
