package ai.kinitro.devchain.extrinsic;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.Era;
import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleReader;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded extrinsic as it arrived: {@code compact(len) ++ version ++ [signed part] ++ call}.
 * Only signed v4 extrinsics carry a {@link Signed} part; unsigned ones are decoded so the pool can
 * refuse them with the node's answer.
 *
 * @param encoded the whole encoding, length prefix included (its blake2b-256 is the extrinsic hash)
 * @param signed the signer, signature and explicit extension values, if signed
 * @param call the call bytes ({@code pallet ++ index ++ args})
 */
public record UncheckedExtrinsic(byte[] encoded, Optional<Signed> signed, byte[] call) {
  /** Extrinsic format version 4. */
  public static final int VERSION = 4;
  private static final int SIGNED_BIT = 0x80;
  private static final int MULTI_ADDRESS_ID = 0;
  private static final int SIGNATURE_ED25519 = 0;
  private static final int SIGNATURE_SR25519 = 1;
  private static final int SIGNATURE_ECDSA = 2;

  public UncheckedExtrinsic {
    encoded = Objects.requireNonNull(encoded, "encoded").clone();
    Objects.requireNonNull(signed, "signed");
    call = Objects.requireNonNull(call, "call").clone();
  }

  /**
   * The signed part.
   *
   * @param signer the {@code MultiAddress::Id} account
   * @param signatureScheme 0 ed25519, 1 sr25519, 2 ecdsa ({@code MultiSignature})
   * @param signature the signature bytes
   * @param era {@code CheckMortality}
   * @param nonce {@code CheckNonce}
   * @param tip {@code ChargeTransactionPayment}, in rao
   * @param metadataHashMode {@code CheckMetadataHash}'s mode byte (0 disabled, 1 enabled)
   */
  public record Signed(AccountId signer, int signatureScheme, byte[] signature, Era era, long nonce, long tip,
      int metadataHashMode) {
    public Signed {
      Objects.requireNonNull(signer, "signer");
      signature = signature.clone();
      Objects.requireNonNull(era, "era");
    }

    @Override
    public byte[] signature() {
      return signature.clone();
    }

    public boolean isSr25519() {
      return signatureScheme == SIGNATURE_SR25519;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Signed that && signer.equals(that.signer) && signatureScheme == that.signatureScheme
          && Arrays.equals(signature, that.signature) && era.equals(that.era) && nonce == that.nonce
          && tip == that.tip && metadataHashMode == that.metadataHashMode;
    }

    @Override
    public int hashCode() {
      return Objects.hash(signer, signatureScheme, Arrays.hashCode(signature), era, nonce, tip, metadataHashMode);
    }

    @Override
    public String toString() {
      return "Signed[signer=" + signer + ", era=" + era + ", nonce=" + nonce + ", tip=" + tip + "]";
    }
  }

  /**
   * Decodes {@code bytes}. Anything that is not a well-formed v4 extrinsic (wrong length prefix,
   * other version, unknown address or signature kind, truncated fields, metadata-hash mode other
   * than 0/1) fails with {@link ErrorCode#CHAIN_DATA_MALFORMED} naming the problem.
   */
  public static UncheckedExtrinsic decode(byte[] bytes) {
    ScaleReader r = ScaleReader.of(bytes);
    int length = r.compactLength("extrinsic");
    if (length != r.remaining()) {
      throw malformed("the length prefix says " + length + " bytes but " + r.remaining() + " follow");
    }
    int versionByte = r.u8();
    if ((versionByte & 0x7F) != VERSION) {
      throw malformed("extrinsic version " + (versionByte & 0x7F) + " is not supported; only v4 is");
    }
    Optional<Signed> signed = Optional.empty();
    if ((versionByte & SIGNED_BIT) != 0) {
      int addressKind = r.u8();
      if (addressKind != MULTI_ADDRESS_ID) {
        throw malformed("signer address kind " + addressKind + " is not supported; use MultiAddress::Id (0)");
      }
      AccountId signer = AccountId.read(r);
      int scheme = r.u8();
      byte[] signature = switch (scheme) {
        case SIGNATURE_ED25519, SIGNATURE_SR25519 -> r.fixedBytes(64);
        case SIGNATURE_ECDSA -> r.fixedBytes(65);
        default -> throw malformed("signature kind " + scheme + " is not a MultiSignature variant");
      };
      Era era = Era.read(r);
      long nonce = r.compactU32();
      long tip = r.compactU64();
      int mode = r.u8();
      if (mode > 1) {
        throw malformed("CheckMetadataHash mode " + mode + " is neither 0 (disabled) nor 1 (enabled)");
      }
      signed = Optional.of(new Signed(signer, scheme, signature, era, nonce, tip, mode));
    }
    byte[] call = r.readRest();
    if (call.length < 2) {
      throw malformed("the extrinsic has no call");
    }
    return new UncheckedExtrinsic(bytes, signed, call);
  }

  @Override
  public byte[] encoded() {
    return encoded.clone();
  }

  @Override
  public byte[] call() {
    return call.clone();
  }

  /** blake2b-256 of the whole encoding: the hash a node reports. */
  public byte[] hash() {
    return Hashing.blake2b256(encoded);
  }

  public String hashHex() {
    return "0x" + HexFormat.of().formatHex(hash());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UncheckedExtrinsic that && Arrays.equals(encoded, that.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "UncheckedExtrinsic[" + hashHex() + ", " + signed.map(Signed::toString).orElse("unsigned") + "]";
  }

  private static KinitroException malformed(String message) {
    return new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED, message);
  }
}
