package ai.kinitro.backend.chain;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The subnet the backend serves, resolved once at start-up from {@code kinitro.chain.*} and the two
 * older keys that duplicate part of it. The chain keys are the only source:
 *
 * <ul>
 *   <li>{@code kinitro.chain.netuid} is both the subnet the monitor reads and the netuid stamped
 *       into every weights snapshot. The deprecated {@code kinitro.scoring.netuid} is still
 *       accepted when it equals it (with a warning); a different value stops the start, because
 *       validators would store those weights and never set them.
 *   <li>{@code kinitro.chain.static-neurons} is both the static chain (membership checks) and the
 *       score cycle's metagraph table when no endpoint is set. The deprecated
 *       {@code kinitro.metagraph.neurons} is used when it is the only one set, accepted when both
 *       list the same neurons (with a warning), and stops the start when they differ.
 * </ul>
 *
 * @param netuid the subnet (monitor and weights)
 * @param staticNeurons the static chain's neurons, ordered by uid (empty when none are configured)
 * @param warnings what an operator should change (deprecated keys in use); logged at start-up
 */
public record SubnetSettings(int netuid, List<ChainConfig.StaticNeuron> staticNeurons, List<String> warnings) {
  public SubnetSettings {
    staticNeurons = List.copyOf(staticNeurons);
    warnings = List.copyOf(warnings);
  }

  /**
   * Resolves the settings.
   *
   * @param chain {@code kinitro.chain.*}
   * @param scoringNetuid {@code kinitro.scoring.netuid} when set (deprecated)
   * @param metagraphNeurons {@code kinitro.metagraph.neurons} (deprecated; empty when not set)
   * @throws KinitroException {@link ErrorCode#INVALID_CONFIGURATION} when a deprecated key contradicts its chain key
   */
  public static SubnetSettings resolve(ChainConfig chain, Integer scoringNetuid, List<ChainConfig.StaticNeuron> metagraphNeurons) {
    List<String> warnings = new ArrayList<>();
    if (scoringNetuid != null) {
      if (scoringNetuid != chain.netuid()) {
        throw new KinitroException(ErrorCode.INVALID_CONFIGURATION, "kinitro.scoring.netuid=" + scoringNetuid
            + " differs from kinitro.chain.netuid=" + chain.netuid() + ": the backend would read subnet " + chain.netuid()
            + " but publish weights for subnet " + scoringNetuid + ", which validators store and never set. "
            + "Remove kinitro.scoring.netuid (KINITRO_SCORING_NETUID; deprecated, the weights use kinitro.chain.netuid) "
            + "and set kinitro.chain.netuid to the subnet");
      }
      warnings.add("kinitro.scoring.netuid is deprecated and ignored (it equals kinitro.chain.netuid=" + chain.netuid()
          + ", which the weights use); remove it");
    }
    List<ChainConfig.StaticNeuron> fromChain = byUid(chain.staticNeurons());
    List<ChainConfig.StaticNeuron> fromMetagraph = byUid(metagraphNeurons);
    List<ChainConfig.StaticNeuron> neurons = fromChain;
    if (!fromMetagraph.isEmpty()) {
      if (fromChain.isEmpty()) {
        neurons = fromMetagraph;
        warnings.add("kinitro.metagraph.neurons is deprecated; rename it to kinitro.chain.static-neurons (same entries)");
      } else if (fromChain.equals(fromMetagraph)) {
        warnings.add("kinitro.metagraph.neurons is deprecated and repeats kinitro.chain.static-neurons; remove it");
      } else {
        throw new KinitroException(ErrorCode.INVALID_CONFIGURATION, "kinitro.chain.static-neurons " + fromChain
            + " and the deprecated kinitro.metagraph.neurons " + fromMetagraph + " list different neurons: membership "
            + "checks and the score cycle would disagree. Remove kinitro.metagraph.neurons and keep the neurons in "
            + "kinitro.chain.static-neurons");
      }
    }
    if (chain.endpoint() != null && !neurons.isEmpty()) {
      warnings.add("kinitro.chain.static-neurons is ignored: kinitro.chain.endpoint is set, so the neurons come from the chain");
    }
    return new SubnetSettings(chain.netuid(), neurons, warnings);
  }

  private static List<ChainConfig.StaticNeuron> byUid(List<ChainConfig.StaticNeuron> neurons) {
    return neurons.stream().sorted(Comparator.comparingInt(ChainConfig.StaticNeuron::uid)).toList();
  }
}
