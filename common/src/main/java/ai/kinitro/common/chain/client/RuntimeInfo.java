package ai.kinitro.common.chain.client;

import ai.kinitro.common.chain.metadata.RuntimeMetadata;
import java.util.Objects;

/**
 * What transactions commit to and how to read storage: the runtime's versions, the chain's
 * genesis hash, and the parsed metadata of that runtime version.
 */
public record RuntimeInfo(
    String specName, long specVersion, long transactionVersion, BlockHash genesisHash, RuntimeMetadata metadata) {
  public RuntimeInfo {
    Objects.requireNonNull(specName, "specName");
    Objects.requireNonNull(genesisHash, "genesisHash");
    Objects.requireNonNull(metadata, "metadata");
  }
}
