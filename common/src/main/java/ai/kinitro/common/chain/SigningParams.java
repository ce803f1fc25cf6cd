package ai.kinitro.common.chain;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Everything besides the call and the key that a signed extrinsic commits to.
 *
 * @param specVersion the runtime's {@code specVersion} (u32), from {@code state_getRuntimeVersion}
 * @param transactionVersion the runtime's {@code transactionVersion} (u32)
 * @param genesisHash the chain's block-0 hash (32 bytes)
 * @param era the validity window
 * @param birthHash the hash of the era's birth block; the genesis hash for an immortal era
 * @param nonce the account's next index (u32), from {@code system_accountNextIndex}
 * @param tip the tip in rao (non-negative)
 */
public record SigningParams(
    long specVersion, long transactionVersion, byte[] genesisHash, Era era, byte[] birthHash, long nonce, long tip) {

  public SigningParams {
    requireU32("specVersion", specVersion);
    requireU32("transactionVersion", transactionVersion);
    requireU32("nonce", nonce);
    if (tip < 0) {
      throw new KinitroException(ErrorCode.CHAIN_VALUE_OUT_OF_RANGE, "tip " + tip + " must not be negative");
    }
    Objects.requireNonNull(era, "era");
    genesisHash = requireHash("genesisHash", genesisHash);
    birthHash = requireHash("birthHash", birthHash);
    if (era.isImmortal() && !Arrays.equals(genesisHash, birthHash)) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
          "an immortal transaction's birth hash must be the genesis hash; use SigningParams.immortal(...)");
    }
  }

  /** Parameters for an immortal transaction (birth hash = genesis hash). */
  public static SigningParams immortal(
      long specVersion, long transactionVersion, byte[] genesisHash, long nonce, long tip) {
    return new SigningParams(specVersion, transactionVersion, genesisHash, Era.immortal(), genesisHash, nonce, tip);
  }

  @Override
  public byte[] genesisHash() {
    return genesisHash.clone();
  }

  @Override
  public byte[] birthHash() {
    return birthHash.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SigningParams that
        && specVersion == that.specVersion
        && transactionVersion == that.transactionVersion
        && Arrays.equals(genesisHash, that.genesisHash)
        && era.equals(that.era)
        && Arrays.equals(birthHash, that.birthHash)
        && nonce == that.nonce
        && tip == that.tip;
  }

  @Override
  public int hashCode() {
    return Objects.hash(specVersion, transactionVersion, Arrays.hashCode(genesisHash), era,
        Arrays.hashCode(birthHash), nonce, tip);
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "SigningParams[specVersion=" + specVersion + ", transactionVersion=" + transactionVersion
        + ", genesisHash=0x" + hex.formatHex(genesisHash) + ", era=" + era + ", birthHash=0x"
        + hex.formatHex(birthHash) + ", nonce=" + nonce + ", tip=" + tip + "]";
  }

  private static void requireU32(String name, long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new KinitroException(ErrorCode.CHAIN_VALUE_OUT_OF_RANGE, name + " " + value + " does not fit a u32");
    }
  }

  private static byte[] requireHash(String name, byte[] hash) {
    Objects.requireNonNull(hash, name);
    if (hash.length != 32) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, name + " must be 32 bytes but is " + hash.length);
    }
    return hash.clone();
  }
}
