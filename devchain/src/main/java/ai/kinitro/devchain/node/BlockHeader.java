package ai.kinitro.devchain.node;

import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A block header as substrate encodes it: {@code parent_hash ++ compact(number) ++ state_root ++
 * extrinsics_root ++ digest}. The dev chain's digest is empty; the block hash is blake2b-256 of
 * this encoding, so hashes are deterministic for a given genesis and history.
 */
public record BlockHeader(long number, byte[] parentHash, byte[] stateRoot, byte[] extrinsicsRoot) {
  public BlockHeader {
    if (number < 0 || number > 0xFFFF_FFFFL) {
      throw new KinitroException(ErrorCode.INTERNAL_ERROR, "block number " + number + " does not fit a u32");
    }
    parentHash = hash32("parentHash", parentHash);
    stateRoot = hash32("stateRoot", stateRoot);
    extrinsicsRoot = hash32("extrinsicsRoot", extrinsicsRoot);
  }

  public byte[] encode() {
    return new ScaleWriter(110).fixedBytes(parentHash).compact(number).fixedBytes(stateRoot)
        .fixedBytes(extrinsicsRoot).compact(0).toByteArray();
  }

  public byte[] hash() {
    return Hashing.blake2b256(encode());
  }

  @Override
  public byte[] parentHash() {
    return parentHash.clone();
  }

  @Override
  public byte[] stateRoot() {
    return stateRoot.clone();
  }

  @Override
  public byte[] extrinsicsRoot() {
    return extrinsicsRoot.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BlockHeader that && number == that.number && Arrays.equals(parentHash, that.parentHash)
        && Arrays.equals(stateRoot, that.stateRoot) && Arrays.equals(extrinsicsRoot, that.extrinsicsRoot);
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, Arrays.hashCode(parentHash), Arrays.hashCode(stateRoot), Arrays.hashCode(extrinsicsRoot));
  }

  @Override
  public String toString() {
    return "BlockHeader[#" + number + ", 0x" + HexFormat.of().formatHex(hash()) + "]";
  }

  private static byte[] hash32(String name, byte[] value) {
    Objects.requireNonNull(value, name);
    if (value.length != 32) {
      throw new KinitroException(ErrorCode.INTERNAL_ERROR, name + " must be 32 bytes, not " + value.length);
    }
    return value.clone();
  }
}
