package ai.kinitro.common.chain.client;

import ai.kinitro.common.chain.SigningParams;
import ai.kinitro.common.chain.metadata.ExtrinsicMetadata;
import ai.kinitro.common.chain.metadata.PortableRegistry;
import ai.kinitro.common.chain.metadata.RuntimeMetadata;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleWriter;
import java.util.Objects;

/**
 * Encodes a runtime's signed extensions, in the order its metadata lists them, into the explicit
 * bytes (in the extrinsic) and the implicit bytes (signed only). Known identifiers are encoded as
 * in chain.md §2.2; an unknown identifier whose types are both zero-sized adds nothing; any other
 * unknown identifier fails with {@link ErrorCode#CHAIN_UNSUPPORTED_RUNTIME}, since signing without
 * it would produce a transaction the node rejects as a bad signature.
 */
public final class SignedExtensions {
  private SignedExtensions() {}

  public static Encoded encode(RuntimeMetadata metadata, SigningParams params) {
    ScaleWriter explicit = new ScaleWriter(16);
    ScaleWriter implicit = new ScaleWriter(80);
    PortableRegistry registry = metadata.registry();
    for (ExtrinsicMetadata.SignedExtension extension : metadata.extrinsic().signedExtensions()) {
      switch (extension.identifier()) {
        case "CheckSpecVersion" -> implicit.u32(params.specVersion());
        case "CheckTxVersion" -> implicit.u32(params.transactionVersion());
        case "CheckGenesis" -> implicit.fixedBytes(params.genesisHash());
        case "CheckMortality", "CheckEra" -> {
          params.era().write(explicit);
          implicit.fixedBytes(params.birthHash());
        }
        case "CheckNonce" -> explicit.compact(params.nonce());
        case "ChargeTransactionPayment", "ChargeTransactionPaymentWrapper" -> explicit.compact(params.tip());
        case "CheckMetadataHash" -> {
          explicit.u8(0);
          implicit.u8(0);
        }
        default -> {
          if (!registry.isZeroSized(extension.type()) || !registry.isZeroSized(extension.additionalSigned())) {
            throw new KinitroException(ErrorCode.CHAIN_UNSUPPORTED_RUNTIME, "the node's runtime requires signed extension "
                + extension.identifier() + ", which carries data this client cannot fill in; update Kinitro");
          }
        }
      }
    }
    return new Encoded(explicit.toByteArray(), implicit.toByteArray());
  }

  /** The two byte strings. */
  public record Encoded(byte[] explicit, byte[] implicit) {
    public Encoded {
      explicit = Objects.requireNonNull(explicit, "explicit").clone();
      implicit = Objects.requireNonNull(implicit, "implicit").clone();
    }

    @Override
    public byte[] explicit() {
      return explicit.clone();
    }

    @Override
    public byte[] implicit() {
      return implicit.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Encoded that && java.util.Arrays.equals(explicit, that.explicit)
          && java.util.Arrays.equals(implicit, that.implicit);
    }

    @Override
    public int hashCode() {
      return 31 * java.util.Arrays.hashCode(explicit) + java.util.Arrays.hashCode(implicit);
    }
  }
}
