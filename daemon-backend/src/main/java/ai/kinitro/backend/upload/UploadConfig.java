package ai.kinitro.backend.upload;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Miner upload settings ({@code kinitro.uploads.*}).
 *
 * @param signatureWindow allowed skew of the signed timestamp, each way
 * @param pendingTtl an upload not committed on chain within this becomes EXPIRED (and frees its
 *     version); at least the presigned URL's lifetime
 * @param reapInterval how often expired uploads and nonces are swept (0 disables the loop)
 * @param requireRegistration refuse hotkeys not registered on the subnet
 */
@ConfigurationProperties("kinitro.uploads")
public record UploadConfig(Duration signatureWindow, Duration pendingTtl, Duration reapInterval, Boolean requireRegistration) {
  public static final String SIGNING_DOMAIN = "kinitro/submission-upload";
  /** Domain of the signed renewal of a pending upload's URL (a signature for one never passes for the other). */
  public static final String RENEWAL_SIGNING_DOMAIN = "kinitro/submission-upload-renewal";
  public static final Duration DEFAULT_SIGNATURE_WINDOW = Duration.ofMinutes(5);
  public static final Duration DEFAULT_PENDING_TTL = Duration.ofHours(1);
  public static final Duration DEFAULT_REAP_INTERVAL = Duration.ofMinutes(1);

  public UploadConfig {
    signatureWindow = signatureWindow == null ? DEFAULT_SIGNATURE_WINDOW : signatureWindow;
    pendingTtl = pendingTtl == null ? DEFAULT_PENDING_TTL : pendingTtl;
    reapInterval = reapInterval == null ? DEFAULT_REAP_INTERVAL : reapInterval;
    requireRegistration = requireRegistration == null ? Boolean.TRUE : requireRegistration;
    if (signatureWindow.isNegative() || signatureWindow.isZero() || pendingTtl.isNegative() || pendingTtl.isZero()) {
      throw new IllegalArgumentException("kinitro.uploads.signature-window and pending-ttl must be positive");
    }
  }
}
