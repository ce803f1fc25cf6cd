package ai.kinitro.common.chain.metadata;

import ai.kinitro.common.chain.CallIndex;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A runtime's metadata (V14 or V15) with the lookups the chain client needs. Lookups that must
 * succeed ({@code require...}) fail with {@link ErrorCode#CHAIN_UNSUPPORTED_RUNTIME}, naming what
 * is missing, because a runtime without them cannot be used.
 *
 * @param version 14 or 15
 * @param registry every type
 * @param pallets the pallets in metadata order
 * @param extrinsic the extrinsic format and signed extensions
 * @param runtimeType the {@code Runtime} type id
 * @param apis runtime APIs (V15; empty for V14)
 * @param outerEnums the outer call/event/error enums (V15 only)
 * @param custom custom values in key order (V15; empty for V14)
 */
public record RuntimeMetadata(
    int version,
    PortableRegistry registry,
    List<PalletMetadata> pallets,
    ExtrinsicMetadata extrinsic,
    int runtimeType,
    List<RuntimeApiMetadata> apis,
    Optional<OuterEnums> outerEnums,
    List<CustomValue> custom) {

  public RuntimeMetadata {
    if (version != 14 && version != 15) {
      throw new KinitroException(ErrorCode.CHAIN_UNSUPPORTED_RUNTIME,
          "metadata version " + version + " is not supported; this client reads V14 and V15");
    }
    Objects.requireNonNull(registry, "registry");
    pallets = List.copyOf(pallets);
    Objects.requireNonNull(extrinsic, "extrinsic");
    apis = List.copyOf(apis);
    Objects.requireNonNull(outerEnums, "outerEnums");
    custom = List.copyOf(custom);
  }

  /** A V14 metadata (no APIs, outer enums or custom values). */
  public static RuntimeMetadata v14(
      PortableRegistry registry, List<PalletMetadata> pallets, ExtrinsicMetadata extrinsic, int runtimeType) {
    return new RuntimeMetadata(14, registry, pallets, extrinsic, runtimeType, List.of(), Optional.empty(), List.of());
  }

  public Optional<PalletMetadata> pallet(String name) {
    return pallets.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public Optional<PalletMetadata> palletByIndex(int index) {
    return pallets.stream().filter(p -> p.index() == index).findFirst();
  }

  public PalletMetadata requirePallet(String name) {
    return pallet(name).orElseThrow(() -> unsupported("has no pallet " + name));
  }

  /** The call variant (name, index, argument fields) of {@code pallet.call}. */
  public Optional<TypeDef.VariantDef> call(String pallet, String call) {
    return pallet(pallet).flatMap(PalletMetadata::callType).flatMap(type -> variants(type).byName(call));
  }

  /** The two index bytes of {@code pallet.call}. */
  public CallIndex callIndex(String pallet, String call) {
    PalletMetadata p = requirePallet(pallet);
    TypeDef.VariantDef variant = call(pallet, call).orElseThrow(() -> unsupported("has no call " + pallet + "." + call));
    return new CallIndex(p.index(), variant.index());
  }

  public Optional<StorageEntry> storageEntry(String pallet, String item) {
    return pallet(pallet).flatMap(p -> p.storageEntry(item));
  }

  public StorageEntry requireStorageEntry(String pallet, String item) {
    return storageEntry(pallet, item).orElseThrow(() -> unsupported("has no storage item " + pallet + "." + item));
  }

  /** The storage prefix hashed into the keys of {@code pallet}'s items (normally its name). */
  public String storagePrefix(String pallet) {
    return requirePallet(pallet).storage().map(PalletMetadata.Storage::prefix)
        .orElseThrow(() -> unsupported("pallet " + pallet + " has no storage"));
  }

  public Optional<PalletConstant> constant(String pallet, String name) {
    return pallet(pallet).flatMap(p -> p.constant(name));
  }

  /** The error a {@code DispatchError::Module{index, error[0]}} stands for. */
  public Optional<ModuleError> moduleError(int palletIndex, int errorIndex) {
    return palletByIndex(palletIndex).flatMap(p -> p.errorType()
        .flatMap(type -> variants(type).byIndex(errorIndex))
        .map(v -> new ModuleError(p.name(), v.name(), v.docs())));
  }

  /** The signed extension identifiers in the order their bytes appear. */
  public List<String> signedExtensionIdentifiers() {
    return extrinsic.identifiers();
  }

  private TypeDef.Variant variants(int type) {
    if (registry.def(type) instanceof TypeDef.Variant variant) {
      return variant;
    }
    throw new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED, "metadata type " + type + " should be an enum");
  }

  private static KinitroException unsupported(String what) {
    return new KinitroException(ErrorCode.CHAIN_UNSUPPORTED_RUNTIME,
        "the node's runtime " + what + "; check that the endpoint is a subtensor node of a supported version");
  }

  /** A pallet error by name, with its doc lines. */
  public record ModuleError(String pallet, String name, List<String> docs) {
    public ModuleError {
      Objects.requireNonNull(pallet, "pallet");
      Objects.requireNonNull(name, "name");
      docs = List.copyOf(docs);
    }
  }

  /** V15's outer enum types. */
  public record OuterEnums(int callType, int eventType, int errorType) {}

  /** A V15 custom value. */
  public record CustomValue(String name, int type, byte[] value) {
    public CustomValue {
      Objects.requireNonNull(name, "name");
      value = Objects.requireNonNull(value, "value").clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof CustomValue that && name.equals(that.name) && type == that.type
          && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, type, Arrays.hashCode(value));
    }

    @Override
    public String toString() {
      return "CustomValue[" + name + ", type " + type + ", 0x" + HexFormat.of().formatHex(value) + "]";
    }
  }
}
