package ai.kinitro.miner.wallet;

import ai.kinitro.common.crypto.Signer;
import java.util.Objects;

/**
 * A loaded hotkey: the signer, its SS58 address and where it came from. {@link #toString()} shows
 * only public data.
 */
public record MinerHotkey(Signer signer, String ss58, String source) {
  public MinerHotkey {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(ss58, "ss58");
    Objects.requireNonNull(source, "source");
  }

  @Override
  public String toString() {
    return "MinerHotkey[" + ss58 + " from " + source + "]";
  }
}
