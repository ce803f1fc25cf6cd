package ai.kinitro.backend.result;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The result routes' settings ({@code kinitro.results.*}).
 *
 * @param logUrlTtl how long a download URL the backend signs for a log artifact in its own vault
 *     bucket works (at most 7 days, the S3 limit)
 * @param frameUrlTtl how long a URL the backend signs for a stored frame (a logged step's camera
 *     image in its own vault bucket) works (at most 7 days)
 */
@ConfigurationProperties("kinitro.results")
public record ResultLogsProperties(Duration logUrlTtl, Duration frameUrlTtl) {
  public static final Duration DEFAULT_LOG_URL_TTL = Duration.ofHours(6);
  public static final Duration DEFAULT_FRAME_URL_TTL = Duration.ofHours(1);
  private static final Duration MAX_URL_TTL = Duration.ofDays(7);

  public ResultLogsProperties {
    logUrlTtl = ttl(logUrlTtl, DEFAULT_LOG_URL_TTL, "log-url-ttl");
    frameUrlTtl = ttl(frameUrlTtl, DEFAULT_FRAME_URL_TTL, "frame-url-ttl");
  }

  private static Duration ttl(Duration value, Duration fallback, String name) {
    Duration d = value == null ? fallback : value;
    if (d.isNegative() || d.isZero() || d.compareTo(MAX_URL_TTL) > 0) {
      throw new IllegalArgumentException("kinitro.results." + name + " must be positive and at most 7 days, got " + d);
    }
    return d;
  }
}
