package ai.kinitro.devchain.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.cli.DurationText;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenesisParserTest {
  private static final String ALICE_SS58 = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  private static final String BOB_SS58 = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

  @Test
  void theBundledGenesisHasAliceAsOwnerBobAndCharlieAsValidatorsAndThreeMiners() {
    Genesis genesis = GenesisParser.defaultGenesis();

    assertThat(genesis.netuid()).isEqualTo(1);
    assertThat(genesis.ownerColdkey().ss58()).isEqualTo(ALICE_SS58);
    assertThat(genesis.ownerHotkey().ss58()).isEqualTo(ALICE_SS58);
    assertThat(genesis.neurons()).extracting(n -> n.hotkey().label())
        .containsExactly("//Alice", "//Bob", "//Charlie", "//Dave", "//Eve", "//Ferdie");
    assertThat(genesis.neurons()).extracting(GenesisNeuron::validatorPermit)
        .containsExactly(false, true, true, false, false, false);
    assertThat(genesis.neurons().get(1).stake()).isEqualTo(1_000L * GenesisParser.RAO_PER_TAO);
    assertThat(genesis.params().commitRevealEnabled()).isFalse();
    assertThat(genesis.blockTime()).contains(Duration.ofSeconds(12));
  }

  @Test
  void keysMayBeGivenAsSs58AddressesAndTheRestDefaults() {
    Genesis genesis = GenesisParser.parse("""
        {"netuid": 7, "owner": "%s", "neurons": [{"hotkey": "%s"}]}
        """.formatted(ALICE_SS58, BOB_SS58));

    assertThat(genesis.ownerColdkey().secretUri()).isEmpty();
    assertThat(genesis.neurons().getFirst().hotkey().ss58()).isEqualTo(BOB_SS58);
    assertThat(genesis.neurons().getFirst().coldkey()).isEqualTo(genesis.neurons().getFirst().hotkey());
    assertThat(genesis.neurons().getFirst().stake()).isZero();
    assertThat(genesis.params()).isEqualTo(SubnetParams.defaults());
    assertThat(genesis.blockTime()).isEqualTo(Optional.empty());
  }

  @Test
  void aMistypedFieldIsRefusedInsteadOfFallingBackToADefault() {
    assertThatThrownBy(() -> GenesisParser.parse("""
        {"netuid": 1, "owner": "//Alice", "params": {"tempoo": 5}}
        """))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.DEVCHAIN_GENESIS_INVALID);
          assertThat(e.getMessage()).contains("tempoo");
        });
  }

  @Test
  void aHotkeyRegisteredTwiceIsRefused() {
    assertThatThrownBy(() -> GenesisParser.parse("""
        {"netuid": 1, "owner": "//Alice", "neurons": [{"hotkey": "//Bob"}, {"hotkey": "//Bob"}]}
        """))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.getMessage()).contains("//Bob is registered twice"));
  }

  @Test
  void theRootNetworkCannotBeTheDevSubnet() {
    assertThatThrownBy(() -> GenesisParser.parse("{\"netuid\": 0, \"owner\": \"//Alice\"}"))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVCHAIN_GENESIS_INVALID));
  }

  @Test
  void durationsReadTheShortAndTheIsoForms() {
    assertThat(DurationText.parse("250ms", ErrorCode.DEVCHAIN_CONFIG_INVALID)).isEqualTo(Duration.ofMillis(250));
    assertThat(DurationText.parse("12s", ErrorCode.DEVCHAIN_CONFIG_INVALID)).isEqualTo(Duration.ofSeconds(12));
    assertThat(DurationText.parse("PT1M", ErrorCode.DEVCHAIN_CONFIG_INVALID)).isEqualTo(Duration.ofMinutes(1));
    assertThat(DurationText.format(Duration.ofMillis(250))).isEqualTo("250ms");
  }
}
