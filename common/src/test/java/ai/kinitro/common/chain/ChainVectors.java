package ai.kinitro.common.chain;

import java.util.HexFormat;

/** Shared fixtures from chain.md. */
final class ChainVectors {
  static final HexFormat HEX = HexFormat.of();

  /** sp-core {@code //Alice}. */
  static final AccountId ALICE = AccountId.fromHex("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");

  /** Finney genesis hash (chain.md §2.1). */
  static final byte[] FINNEY_GENESIS = HEX.parseHex("2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03");

  private ChainVectors() {}

  static byte[] hex(String hex) {
    return HEX.parseHex(hex.replace(" ", ""));
  }

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }
}
