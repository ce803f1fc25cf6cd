package ai.kinitro.common.chain.metadata;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The extrinsic format.
 *
 * @param version the extrinsic version (4)
 * @param type V14's extrinsic type id (absent in V15)
 * @param v15Types V15's address, call, signature and extra types (absent in V14)
 * @param signedExtensions the signed extensions in the order their bytes appear
 */
public record ExtrinsicMetadata(
    int version, Optional<Integer> type, Optional<V15Types> v15Types, List<SignedExtension> signedExtensions) {

  public ExtrinsicMetadata {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(v15Types, "v15Types");
    signedExtensions = List.copyOf(signedExtensions);
  }

  /** The extension identifiers in order. */
  public List<String> identifiers() {
    return signedExtensions.stream().map(SignedExtension::identifier).toList();
  }

  /**
   * One signed extension.
   *
   * @param identifier its name, e.g. {@code CheckMortality}
   * @param type what it adds to the extrinsic (explicit bytes)
   * @param additionalSigned what it adds to the signed payload only (implicit bytes)
   */
  public record SignedExtension(String identifier, int type, int additionalSigned) {
    public SignedExtension {
      Objects.requireNonNull(identifier, "identifier");
    }
  }

  /** V15's extrinsic types. */
  public record V15Types(int address, int call, int signature, int extra) {}
}
