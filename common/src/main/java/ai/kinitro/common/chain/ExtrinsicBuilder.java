package ai.kinitro.common.chain;

import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.common.crypto.Signer;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleWriter;

/**
 * Builds signed v4 extrinsics for subtensor's extension set (chain.md §2.2), as pure functions of
 * the call, the {@link SigningParams} and a {@link Signer}.
 *
 * <pre>
 * compact(len) ++ 0x84 ++ 0x00 ++ pub[32] ++ 0x01 ++ sig[64] ++ explicit ++ call
 * explicit = era ++ compact(nonce) ++ compact(tip) ++ 0x00            (CheckMetadataHash: Disabled)
 * implicit = spec u32 ++ txVersion u32 ++ genesis ++ birthHash ++ 0x00 (metadata hash: None)
 * signed   = call ++ explicit ++ implicit, or its blake2b-256 when longer than 256 bytes
 * </pre>
 *
 * The extensions that contribute no bytes (CheckNonZeroSender, CheckWeight, the subtensor-specific
 * ones) are omitted. This fixed layout matches spec 425; a runtime with a different extension list
 * needs the metadata-driven encoder.
 */
public final class ExtrinsicBuilder {
  /** Version 4, signed bit set. */
  public static final int SIGNED_V4 = 0x84;
  /** Payloads longer than this are hashed before signing. */
  public static final int MAX_UNHASHED_PAYLOAD = 256;

  private static final int MULTI_ADDRESS_ID = 0x00;
  private static final int MULTI_SIGNATURE_SR25519 = 0x01;
  private static final int METADATA_HASH_DISABLED = 0x00;
  private static final int METADATA_HASH_NONE = 0x00;
  private static final int SIGNATURE_LENGTH = 64;

  private ExtrinsicBuilder() {}

  /** The bytes the extensions put into the extrinsic. */
  public static byte[] explicit(SigningParams params) {
    ScaleWriter writer = new ScaleWriter(16);
    params.era().write(writer);
    return writer.compact(params.nonce()).compact(params.tip()).u8(METADATA_HASH_DISABLED).toByteArray();
  }

  /** The bytes the extensions add to the signed payload only. */
  public static byte[] implicit(SigningParams params) {
    return new ScaleWriter(73)
        .u32(params.specVersion())
        .u32(params.transactionVersion())
        .fixedBytes(params.genesisHash())
        .fixedBytes(params.birthHash())
        .u8(METADATA_HASH_NONE)
        .toByteArray();
  }

  /** {@code call ++ explicit ++ implicit}, before the long-payload hashing rule. */
  public static byte[] signingPayload(byte[] call, SigningParams params) {
    return new ScaleWriter(call.length + 96)
        .fixedBytes(call).fixedBytes(explicit(params)).fixedBytes(implicit(params)).toByteArray();
  }

  /** What the key actually signs: the payload itself, or its blake2b-256 when longer than 256 bytes. */
  public static byte[] messageToSign(byte[] signingPayload) {
    return signingPayload.length > MAX_UNHASHED_PAYLOAD ? Hashing.blake2b256(signingPayload) : signingPayload.clone();
  }

  public static SignedExtrinsic sign(Call call, SigningParams params, Signer signer) {
    return sign(call.toBytes(), params, signer);
  }

  /** Signs {@code call} (its full encoding, index bytes included) with {@code signer}. */
  public static SignedExtrinsic sign(byte[] call, SigningParams params, Signer signer) {
    byte[] message = messageToSign(signingPayload(call, params));
    byte[] signature = signer.sign(message);
    return assemble(call, params, signer.publicKey(), signature);
  }

  /**
   * Signs {@code call} with extension bytes produced elsewhere (for example from a runtime's
   * metadata extension list): signs {@code call ++ explicit ++ implicit} (hashed when longer than
   * 256 bytes) and puts {@code explicit} into the extrinsic.
   */
  public static SignedExtrinsic sign(byte[] call, byte[] explicit, byte[] implicit, Signer signer) {
    byte[] payload = new ScaleWriter(call.length + explicit.length + implicit.length)
        .fixedBytes(call).fixedBytes(explicit).fixedBytes(implicit).toByteArray();
    byte[] signature = signer.sign(messageToSign(payload));
    return assemble(call, explicit, signer.publicKey(), signature);
  }

  /** Puts together an extrinsic from a signature made elsewhere over {@link #messageToSign}. */
  public static SignedExtrinsic assemble(byte[] call, SigningParams params, byte[] publicKey, byte[] signature) {
    return assemble(call, explicit(params), publicKey, signature);
  }

  /** Puts together an extrinsic from its call, its explicit extension bytes and a signature. */
  public static SignedExtrinsic assemble(byte[] call, byte[] explicit, byte[] publicKey, byte[] signature) {
    AccountId signerId = new AccountId(publicKey);
    if (signature == null || signature.length != SIGNATURE_LENGTH) {
      throw new KinitroException(ErrorCode.ENCODING_FAILED, "an sr25519 signature is 64 bytes but the signer returned "
          + (signature == null ? "null" : signature.length + " bytes"));
    }
    byte[] body = new ScaleWriter(call.length + 110)
        .u8(SIGNED_V4)
        .u8(MULTI_ADDRESS_ID)
        .fixedBytes(signerId.bytes())
        .u8(MULTI_SIGNATURE_SR25519)
        .fixedBytes(signature)
        .fixedBytes(explicit)
        .fixedBytes(call)
        .toByteArray();
    return new SignedExtrinsic(new ScaleWriter(body.length + 4).bytes(body).toByteArray());
  }
}
