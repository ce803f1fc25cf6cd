package ai.kinitro.backend.validator;

import java.time.Instant;

/** A validator in REST answers (no key ids). */
public record ValidatorView(
    String hotkey,
    boolean connected,
    Instant firstConnectedAt,
    Instant lastConnectedAt,
    Instant lastDisconnectedAt,
    Instant lastHeartbeatAt,
    long totalJobsSent,
    long totalResultsReceived,
    long totalErrors) {
  static ValidatorView of(Validator v) {
    return new ValidatorView(v.hotkey(), v.connected(), v.firstConnectedAt(), v.lastConnectedAt(), v.lastDisconnectedAt(),
        v.lastHeartbeatAt(), v.totalJobsSent(), v.totalResultsReceived(), v.totalErrors());
  }
}
