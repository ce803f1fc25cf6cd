package ai.kinitro.validator.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(42));

  @Test
  void delaysDoubleWithJitterBetweenHalfAndTheFullStep() {
    for (int failures = 1; failures <= 6; failures++) {
      long step = 1000L << (failures - 1);
      for (int i = 0; i < 50; i++) {
        assertThat(backoff.delayAfter(failures).toMillis()).isBetween(step / 2, step);
      }
    }
  }

  @Test
  void delaysAreCappedAtTheMaximum() {
    for (int i = 0; i < 50; i++) {
      assertThat(backoff.delayAfter(40).toMillis()).isBetween(30_000L, 60_000L);
    }
  }

  @Test
  void jitterSpreadsTheDelays() {
    assertThat(java.util.stream.IntStream.range(0, 20).mapToObj(i -> backoff.delayAfter(5)).distinct().count()).isGreaterThan(10);
  }
}
