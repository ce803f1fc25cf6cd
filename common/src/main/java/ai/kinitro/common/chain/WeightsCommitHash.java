package ai.kinitro.common.chain;

import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.common.scale.ScaleWriter;

/**
 * The commit-reveal v2 hash that {@code commit_weights} takes and {@code reveal_weights} must
 * match: {@code blake2b-256(SCALE(who [u8;32], netuid_index u16, uids Vec<u16>, values Vec<u16>,
 * salt Vec<u16>, version_key u64))}.
 */
public final class WeightsCommitHash {
  private WeightsCommitHash() {}

  /**
   * @param who the hotkey that commits and later reveals
   * @param netuidIndex the netuid, or {@code mecid * 4096 + netuid} for a mechanism
   * @return the 32-byte hash
   */
  public static byte[] compute(AccountId who, int netuidIndex, int[] uids, int[] values, int[] salt, long versionKey) {
    Calls.requireSameLength(uids, values, "values");
    byte[] preimage = ScaleWriter.encode(w -> {
      who.write(w);
      w.u16(netuidIndex).u16Sequence(uids).u16Sequence(values).u16Sequence(salt).u64(versionKey);
    });
    return Hashing.blake2b256(preimage);
  }
}
