package ai.kinitro.platform.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DevKeysTest {
  @Test
  void aliceAndBobHaveTheirWellKnownAddresses() {
    assertThat(DevKeys.all()).extracting(DevKeys.DevKey::secretUri, DevKeys.DevKey::address).startsWith(
        org.assertj.core.groups.Tuple.tuple("//Alice", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"),
        org.assertj.core.groups.Tuple.tuple("//Bob", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"));
  }
}
