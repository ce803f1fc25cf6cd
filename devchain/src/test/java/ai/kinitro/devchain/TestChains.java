package ai.kinitro.devchain;

import ai.kinitro.devchain.genesis.Genesis;
import ai.kinitro.devchain.genesis.GenesisParser;
import ai.kinitro.devchain.genesis.SubnetParams;
import java.time.Duration;

/** Dev chains for tests. */
public final class TestChains {
  /** Block time of test chains: fast, yet far above the time a block takes to build. */
  public static final Duration FAST = Duration.ofMillis(250);

  private TestChains() {}

  /**
   * The bundled genesis with 250 ms blocks and a 100-block weights rate limit (25 s), so a second
   * weight set right after the first is inside the limit even on a slow machine.
   */
  public static DevChain fastWithLongRateLimit() {
    Genesis g = GenesisParser.defaultGenesis();
    SubnetParams p = g.params();
    SubnetParams slowLimit = new SubnetParams(p.tempo(), 100, p.commitRevealEnabled(), p.revealPeriodEpochs(),
        p.weightsVersionKey(), p.minAllowedWeights(), p.maxWeightsLimit(), p.maxAllowedValidators(),
        p.maxAllowedUids(), p.immunityPeriod(), p.stakeThreshold(), p.maxSpace());
    Genesis genesis = new Genesis(g.chainName(), g.netuid(), g.blockTime(), slowLimit, g.ownerColdkey(),
        g.ownerHotkey(), g.neurons());
    return DevChain.start(DevChainConfig.forTests().withGenesis(genesis).withBlockTime(FAST));
  }
}
