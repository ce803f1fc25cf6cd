package ai.kinitro.backend.ids;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Snowflake-style 64-bit ids: 41 bits of milliseconds since {@link #EPOCH}, 10 bits of instance id
 * and 12 bits of sequence. Ids from one instance are strictly increasing; two instances never
 * collide as long as each has its own {@code kinitro.ids.instance-id} (v1 used 42 everywhere, §10
 * #39). If the clock steps backwards the generator keeps counting from the last instant it used.
 */
public final class IdGenerator {
  /** 2025-01-01T00:00:00Z: ids stay positive until the year 2094. */
  public static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

  public static final int INSTANCE_BITS = 10;
  public static final int SEQUENCE_BITS = 12;
  public static final int MAX_INSTANCE_ID = (1 << INSTANCE_BITS) - 1;
  private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

  private final InstantSource clock;
  private final int instanceId;
  private long lastMillis = -1;
  private long sequence;

  public IdGenerator(InstantSource clock, int instanceId) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (instanceId < 0 || instanceId > MAX_INSTANCE_ID) {
      throw new IllegalArgumentException("instance id must be between 0 and " + MAX_INSTANCE_ID + ", was " + instanceId);
    }
    this.instanceId = instanceId;
  }

  /** The next id; thread-safe. */
  public synchronized long next() {
    long now = Math.max(clock.millis() - EPOCH.toEpochMilli(), 0);
    if (now < lastMillis) {
      now = lastMillis;
    }
    if (now == lastMillis) {
      sequence = (sequence + 1) & SEQUENCE_MASK;
      if (sequence == 0) {
        now = lastMillis + 1; // borrow the next millisecond rather than spin
      }
    } else {
      sequence = 0;
    }
    lastMillis = now;
    return (now << (INSTANCE_BITS + SEQUENCE_BITS)) | ((long) instanceId << SEQUENCE_BITS) | sequence;
  }

  public int instanceId() {
    return instanceId;
  }

  /** The instant encoded in an id (millisecond precision). */
  public static Instant timestampOf(long id) {
    return EPOCH.plusMillis(id >>> (INSTANCE_BITS + SEQUENCE_BITS));
  }

  /** The instance that generated an id. */
  public static int instanceOf(long id) {
    return (int) ((id >>> SEQUENCE_BITS) & MAX_INSTANCE_ID);
  }
}
