package ai.kinitro.validator.link;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the link is doing, for health and logs.
 *
 * @param status connection status
 * @param since when it entered that status
 * @param connectionId the backend's id of the current connection, once registered
 * @param lastError why the last connection attempt or connection ended
 * @param reconnects connection attempts after the first
 */
public record LinkState(Status status, Instant since, Optional<String> connectionId, Optional<String> lastError, long reconnects) {
  public LinkState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(lastError, "lastError");
  }

  /** Connection status. */
  public enum Status { STOPPED, CONNECTING, REGISTERED, BACKING_OFF }
}
