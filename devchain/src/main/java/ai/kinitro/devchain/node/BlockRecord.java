package ai.kinitro.devchain.node;

import ai.kinitro.devchain.runtime.Storage;
import ai.kinitro.devchain.runtime.SubnetView;
import java.util.List;
import java.util.Objects;

/**
 * A recent block with everything needed to answer queries at it: its header and hash, its
 * extrinsics, its storage and the subnet after it.
 */
public record BlockRecord(BlockHeader header, Hash hash, List<byte[]> extrinsics, Storage storage, SubnetView subnet) {
  public BlockRecord {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(hash, "hash");
    extrinsics = extrinsics.stream().map(byte[]::clone).toList();
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(subnet, "subnet");
  }

  @Override
  public List<byte[]> extrinsics() {
    return extrinsics.stream().map(byte[]::clone).toList();
  }

  public long number() {
    return header.number();
  }
}
