package ai.kinitro.validator.weights;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.net.URI;

/**
 * The weight setter of a build without a chain client: every call fails with EXTERNAL_UNAVAILABLE,
 * which the weights duty logs and counts. Replaced by the adapter over {@code ChainClient} once the
 * chain client is part of the build.
 */
final class ChainUnavailableWeightSetter implements WeightSetter {
  private final URI chainUrl;

  ChainUnavailableWeightSetter(URI chainUrl) {
    this.chainUrl = chainUrl;
  }

  private KinitroException unavailable() {
    return new KinitroException(ErrorCode.EXTERNAL_UNAVAILABLE,
        "this build has no chain client yet, so weights cannot be set on " + chainUrl
            + "; snapshots are stored and will be applied once it has one");
  }

  @Override
  public SubnetView subnet(int netuid) {
    throw unavailable();
  }

  @Override
  public TxOutcome setWeights(int netuid, int[] uids, int[] weights, long versionKey) {
    throw unavailable();
  }

  @Override
  public TxOutcome commitWeights(int netuid, byte[] commitHash) {
    throw unavailable();
  }

  @Override
  public TxOutcome revealWeights(int netuid, int[] uids, int[] weights, int[] salt, long versionKey) {
    throw unavailable();
  }
}
