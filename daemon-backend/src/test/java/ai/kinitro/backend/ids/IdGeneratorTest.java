package ai.kinitro.backend.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {
  static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void anIdEncodesItsInstantAndInstance() {
    long id = new IdGenerator(InstantSource.fixed(T), 42).next();
    assertThat(IdGenerator.timestampOf(id)).isEqualTo(T);
    assertThat(IdGenerator.instanceOf(id)).isEqualTo(42);
    assertThat(id).isPositive();
  }

  @Test
  void idsStayUniqueAndIncreasingWithinOneMillisecondAndWhenTheClockStepsBack() {
    AtomicReference<Instant> now = new AtomicReference<>(T);
    IdGenerator ids = new IdGenerator(now::get, 1);
    Set<Long> seen = new HashSet<>();
    long previous = 0;
    for (int i = 0; i < 10_000; i++) {
      if (i == 5_000) {
        now.set(T.minusSeconds(5));
      }
      long id = ids.next();
      assertThat(id).isGreaterThan(previous);
      previous = id;
      seen.add(id);
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void twoInstancesNeverCollideAtTheSameInstant() {
    long a = new IdGenerator(InstantSource.fixed(T), 1).next();
    long b = new IdGenerator(InstantSource.fixed(T), 2).next();
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void anInstanceIdOutsideTenBitsIsRefused() {
    assertThatThrownBy(() -> new IdGenerator(InstantSource.fixed(T), 1024)).isInstanceOf(IllegalArgumentException.class);
  }
}
