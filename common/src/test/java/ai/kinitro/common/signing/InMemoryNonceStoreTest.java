package ai.kinitro.common.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryNonceStoreTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final FakeKeys.SettableClock clock = new FakeKeys.SettableClock(T0);

  @Test
  void aPairIsClaimedOnceUntilItExpires() {
    InMemoryNonceStore store = new InMemoryNonceStore(clock);
    Instant expiry = T0.plusSeconds(60);

    assertThat(store.claim("hk", "n1", expiry)).isTrue();
    assertThat(store.claim("hk", "n1", expiry)).isFalse();
    clock.set(expiry.minusMillis(1));
    assertThat(store.claim("hk", "n1", expiry)).isFalse();
    clock.set(expiry);
    assertThat(store.claim("hk", "n1", expiry.plusSeconds(60))).isTrue();
  }

  @Test
  void nonceAndHotkeyTogetherIdentifyAClaim() {
    InMemoryNonceStore store = new InMemoryNonceStore(clock);

    assertThat(store.claim("hk1", "n", T0.plusSeconds(60))).isTrue();
    assertThat(store.claim("hk2", "n", T0.plusSeconds(60))).isTrue();
    assertThat(store.claim("hk1", "m", T0.plusSeconds(60))).isTrue();
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void whenFullOfLiveNoncesItRefusesRatherThanForgets() {
    InMemoryNonceStore store = new InMemoryNonceStore(clock, 2);
    store.claim("hk", "a", T0.plusSeconds(10));
    store.claim("hk", "b", T0.plusSeconds(20));

    assertThatThrownBy(() -> store.claim("hk", "c", T0.plusSeconds(30)))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CAPACITY_EXHAUSTED));
    assertThat(store.claim("hk", "a", T0.plusSeconds(10))).isFalse();
  }

  @Test
  void expiredEntriesMakeRoomAgain() {
    InMemoryNonceStore store = new InMemoryNonceStore(clock, 2);
    store.claim("hk", "a", T0.plusSeconds(10));
    store.claim("hk", "b", T0.plusSeconds(20));
    clock.set(T0.plusSeconds(10));

    assertThat(store.claim("hk", "c", T0.plusSeconds(30))).isTrue();
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void anAlreadyExpiredClaimIsAcceptedButNotStored() {
    InMemoryNonceStore store = new InMemoryNonceStore(clock, 1);

    assertThat(store.claim("hk", "old", T0.minusSeconds(1))).isTrue();
    assertThat(store.size()).isZero();
  }
}
