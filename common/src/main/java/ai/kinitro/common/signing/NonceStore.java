package ai.kinitro.common.signing;

import java.time.Instant;

/**
 * Remembers used nonces so each (hotkey, nonce) pair is accepted once. Entries may be forgotten
 * after {@code expiresAt}: by then the timestamp check refuses the request anyway.
 * Implementations must be safe for concurrent use and make {@link #claim} atomic.
 */
@FunctionalInterface
public interface NonceStore {
  /**
   * Records the pair if it is new.
   *
   * @return true if this call claimed the pair, false if it was already claimed and not expired
   */
  boolean claim(String hotkey, String nonce, Instant expiresAt);
}
