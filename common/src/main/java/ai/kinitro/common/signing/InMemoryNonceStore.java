package ai.kinitro.common.signing;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link NonceStore} in the memory of one process, for single-instance services and tests. It
 * forgets entries once they expire and holds at most {@code maxEntries} live ones.
 *
 * <p>When full of live entries it refuses new claims with {@link ErrorCode#CAPACITY_EXHAUSTED}
 * rather than evicting one: evicting would let that nonce be replayed inside its window. Size it
 * for the expected request rate times the replay window (the default, 100 000, covers over 160
 * requests a second for a 10-minute window).
 */
public final class InMemoryNonceStore implements NonceStore {
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private record Key(String hotkey, String nonce) {}

  private record Entry(Key key, Instant expiresAt) {}

  private final InstantSource clock;
  private final int maxEntries;
  private final Map<Key, Instant> live = new HashMap<>();
  private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>(Comparator.comparing(Entry::expiresAt));

  public InMemoryNonceStore(InstantSource clock, int maxEntries) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive, got " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  public InMemoryNonceStore(InstantSource clock) {
    this(clock, DEFAULT_MAX_ENTRIES);
  }

  @Override
  public synchronized boolean claim(String hotkey, String nonce, Instant expiresAt) {
    Objects.requireNonNull(hotkey, "hotkey");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Instant now = clock.instant();
    purgeExpired(now);
    Key key = new Key(hotkey, nonce);
    if (live.containsKey(key)) {
      return false;
    }
    if (!expiresAt.isAfter(now)) {
      // Already expired: the timestamp window refuses any replay, nothing to remember.
      return true;
    }
    if (live.size() >= maxEntries) {
      throw new KinitroException(ErrorCode.CAPACITY_EXHAUSTED,
          "too many signed requests inside the replay window (" + maxEntries + " remembered nonces); retry later");
    }
    live.put(key, expiresAt);
    byExpiry.add(new Entry(key, expiresAt));
    return true;
  }

  /** The number of nonces remembered now (after dropping expired ones). */
  public synchronized int size() {
    purgeExpired(clock.instant());
    return live.size();
  }

  private void purgeExpired(Instant now) {
    while (!byExpiry.isEmpty() && !byExpiry.peek().expiresAt().isAfter(now)) {
      live.remove(byExpiry.poll().key());
    }
  }
}
