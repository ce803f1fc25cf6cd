package ai.kinitro.backend.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One netuid and one static neuron list, whichever (deprecated) keys an operator set. */
class SubnetSettingsTest {
  private static final ChainConfig.StaticNeuron OWNER = new ChainConfig.StaticNeuron(0, "5Owner", false);
  private static final ChainConfig.StaticNeuron VALIDATOR = new ChainConfig.StaticNeuron(1, "5Validator", true);

  private static ChainConfig chain(Integer netuid, URI endpoint, List<ChainConfig.StaticNeuron> neurons) {
    return new ChainConfig(netuid, null, null, endpoint, neurons);
  }

  @Test
  void withoutTheScoringNetuidTheWeightsUseTheChainNetuid() {
    assertThat(SubnetSettings.resolve(chain(1, null, List.of()), null, List.of()))
        .isEqualTo(new SubnetSettings(1, List.of(), List.of()));
    assertThat(SubnetSettings.resolve(chain(null, null, List.of()), null, List.of()))
        .isEqualTo(new SubnetSettings(ChainConfig.DEFAULT_NETUID, List.of(), List.of()));
  }

  @Test
  void aScoringNetuidEqualToTheChainNetuidIsAcceptedWithADeprecationWarning() {
    assertThat(SubnetSettings.resolve(chain(1, null, List.of()), 1, List.of())).isEqualTo(new SubnetSettings(1, List.of(),
        List.of("kinitro.scoring.netuid is deprecated and ignored (it equals kinitro.chain.netuid=1, which the weights use); remove it")));
  }

  @Test
  void aScoringNetuidThatDiffersFromTheChainNetuidStopsTheStartNamingBothKeys() {
    assertThatThrownBy(() -> SubnetSettings.resolve(chain(null, null, List.of()), 1, List.of()))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
        .hasMessageContaining("kinitro.scoring.netuid=1 differs from kinitro.chain.netuid=26");
  }

  @Test
  void theDeprecatedMetagraphNeuronsAloneBecomeTheStaticNeuronsOrderedByUid() {
    assertThat(SubnetSettings.resolve(chain(1, null, List.of()), null, List.of(VALIDATOR, OWNER))).isEqualTo(new SubnetSettings(
        1, List.of(OWNER, VALIDATOR),
        List.of("kinitro.metagraph.neurons is deprecated; rename it to kinitro.chain.static-neurons (same entries)")));
  }

  @Test
  void bothNeuronListsWithTheSameNeuronsInAnyOrderAreAcceptedWithAWarning() {
    assertThat(SubnetSettings.resolve(chain(1, null, List.of(OWNER, VALIDATOR)), null, List.of(VALIDATOR, OWNER)))
        .isEqualTo(new SubnetSettings(1, List.of(OWNER, VALIDATOR),
            List.of("kinitro.metagraph.neurons is deprecated and repeats kinitro.chain.static-neurons; remove it")));
  }

  @Test
  void neuronListsThatDifferStopTheStartNamingBothKeys() {
    ChainConfig.StaticNeuron noPermit = new ChainConfig.StaticNeuron(1, "5Validator", false);

    assertThatThrownBy(() -> SubnetSettings.resolve(chain(1, null, List.of(OWNER, VALIDATOR)), null, List.of(OWNER, noPermit)))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
        .hasMessageContaining("kinitro.chain.static-neurons")
        .hasMessageContaining("kinitro.metagraph.neurons");
  }

  @Test
  void staticNeuronsNextToAnEndpointAreReportedAsIgnored() {
    assertThat(SubnetSettings.resolve(chain(1, URI.create("ws://127.0.0.1:9944"), List.of(OWNER)), null, List.of()))
        .isEqualTo(new SubnetSettings(1, List.of(OWNER),
            List.of("kinitro.chain.static-neurons is ignored: kinitro.chain.endpoint is set, so the neurons come from the chain")));
  }

  @Test
  void theNoEndpointWarningSaysNoSubmissionArrivesAndNamesTheKeyToSet() {
    assertThat(ChainConfiguration.noEndpointWarning(new SubnetSettings(26, List.of(OWNER), List.of()))).isEqualTo(
        "kinitro.chain.endpoint is not set: this backend reads NO chain. Subnet 26 is a static metagraph of 1 neuron(s) from "
            + "kinitro.chain.static-neurons and has no commitments, so NO miner submission will ever arrive. For a real subnet "
            + "set kinitro.chain.endpoint (KINITRO_CHAIN_ENDPOINT), e.g. wss://entrypoint-finney.opentensor.ai:443 (finney) or "
            + "wss://test.finney.opentensor.ai:443 (testnet)");
  }
}
