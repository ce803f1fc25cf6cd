package ai.kinitro.backend.chain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.edge.FakeSubnetChain;
import ai.kinitro.backend.edge.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SubnetMembershipTest {
  @Test
  void aSnapshotReadBeforeTheClockSteppedBackIsReadAgainNotServedUntilTheClockCatchesUp() {
    FakeSubnetChain chain = new FakeSubnetChain();
    MutableClock clock = new MutableClock();
    SubnetMembership membership = new SubnetMembership(chain, clock, Duration.ofMinutes(10));
    clock.advance(Duration.ofDays(6));
    assertThat(membership.hasValidatorPermit("5Late")).isFalse();

    clock.reset();
    chain.register("5Late", true);

    assertThat(membership.hasValidatorPermit("5Late")).isTrue();
  }

  @Test
  void aFreshSnapshotIsServedFromMemory() {
    FakeSubnetChain chain = new FakeSubnetChain();
    SubnetMembership membership = new SubnetMembership(chain, new MutableClock(), Duration.ofMinutes(10));
    assertThat(membership.hasValidatorPermit("5Later")).isFalse();

    chain.register("5Later", true);

    assertThat(membership.hasValidatorPermit("5Later")).as("within the ttl").isFalse();
  }
}
