package ai.kinitro.devchain.runtime;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One commit-reveal v2 commit, an item of {@code WeightCommits}: {@code (hash H256, commit_epoch
 * u64, commit_block u64, legacy u64 = 0)}.
 */
public record WeightCommit(byte[] hash, long epoch, long block) {
  public WeightCommit {
    Objects.requireNonNull(hash, "hash");
    if (hash.length != 32) {
      throw new KinitroException(ErrorCode.INTERNAL_ERROR, "a commit hash is 32 bytes, not " + hash.length);
    }
    hash = hash.clone();
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  public boolean hashEquals(byte[] other) {
    return Arrays.equals(hash, other);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WeightCommit that && Arrays.equals(hash, that.hash) && epoch == that.epoch
        && block == that.block;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(hash), epoch, block);
  }

  @Override
  public String toString() {
    return "WeightCommit[0x" + HexFormat.of().formatHex(hash) + ", epoch " + epoch + ", block " + block + "]";
  }
}
