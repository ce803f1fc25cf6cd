package ai.kinitro.common.chain.metadata;

import ai.kinitro.common.chain.StorageHasher;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleReader;
import java.util.List;
import java.util.Optional;

/**
 * Parses a {@code RuntimeMetadataPrefixed} blob: the magic {@code "meta"}, the version byte (14 or
 * 15) and the metadata. Any other version fails with {@link ErrorCode#CHAIN_UNSUPPORTED_RUNTIME};
 * broken bytes fail with {@link ErrorCode#CHAIN_DATA_MALFORMED} or {@link
 * ErrorCode#CHAIN_DATA_TRUNCATED}.
 */
public final class MetadataReader {
  /** {@code "meta"} read as a little-endian u32. */
  public static final long MAGIC = 0x6174656dL;

  private MetadataReader() {}

  public static RuntimeMetadata read(byte[] blob) {
    ScaleReader r = ScaleReader.of(blob);
    long magic = r.u32();
    if (magic != MAGIC) {
      throw new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED, String.format(
          "metadata must start with \"meta\" (6d657461) but starts with %08x", Integer.reverseBytes((int) magic)));
    }
    int version = r.u8();
    RuntimeMetadata metadata = switch (version) {
      case 14 -> readV14(r);
      case 15 -> readV15(r);
      default -> throw new KinitroException(ErrorCode.CHAIN_UNSUPPORTED_RUNTIME,
          "metadata version " + version + " is not supported; this client reads V14 and V15");
    };
    r.expectEnd("metadata V" + version);
    return metadata;
  }

  private static RuntimeMetadata readV14(ScaleReader r) {
    PortableRegistry registry = registry(r);
    List<PalletMetadata> pallets = r.sequence(p -> pallet(p, false));
    int extrinsicType = typeId(r);
    int version = r.u8();
    List<ExtrinsicMetadata.SignedExtension> extensions = r.sequence(MetadataReader::signedExtension);
    ExtrinsicMetadata extrinsic = new ExtrinsicMetadata(version, Optional.of(extrinsicType), Optional.empty(), extensions);
    return RuntimeMetadata.v14(registry, pallets, extrinsic, typeId(r));
  }

  private static RuntimeMetadata readV15(ScaleReader r) {
    PortableRegistry registry = registry(r);
    List<PalletMetadata> pallets = r.sequence(p -> pallet(p, true));
    int version = r.u8();
    ExtrinsicMetadata.V15Types types =
        new ExtrinsicMetadata.V15Types(typeId(r), typeId(r), typeId(r), typeId(r));
    List<ExtrinsicMetadata.SignedExtension> extensions = r.sequence(MetadataReader::signedExtension);
    ExtrinsicMetadata extrinsic = new ExtrinsicMetadata(version, Optional.empty(), Optional.of(types), extensions);
    int runtimeType = typeId(r);
    List<RuntimeApiMetadata> apis = r.sequence(a -> new RuntimeApiMetadata(a.string(),
        a.sequence(m -> new RuntimeApiMetadata.Method(m.string(),
            m.sequence(p -> new RuntimeApiMetadata.Param(p.string(), typeId(p))), typeId(m), docs(m))),
        docs(a)));
    RuntimeMetadata.OuterEnums outer = new RuntimeMetadata.OuterEnums(typeId(r), typeId(r), typeId(r));
    List<RuntimeMetadata.CustomValue> custom =
        r.sequence(c -> new RuntimeMetadata.CustomValue(c.string(), typeId(c), c.bytes()));
    return new RuntimeMetadata(15, registry, pallets, extrinsic, runtimeType, apis, Optional.of(outer), custom);
  }

  private static PortableRegistry registry(ScaleReader r) {
    return new PortableRegistry(r.sequence(t -> new PortableType(
        typeId(t),
        t.sequence(ScaleReader::string),
        t.sequence(p -> new PortableType.TypeParameter(p.string(), p.option(MetadataReader::typeId))),
        typeDef(t),
        docs(t))));
  }

  private static TypeDef typeDef(ScaleReader r) {
    int offset = r.position();
    int tag = r.u8();
    return switch (tag) {
      case 0 -> new TypeDef.Composite(r.sequence(MetadataReader::field));
      case 1 -> new TypeDef.Variant(r.sequence(v ->
          new TypeDef.VariantDef(v.string(), v.sequence(MetadataReader::field), v.u8(), docs(v))));
      case 2 -> new TypeDef.Sequence(typeId(r));
      case 3 -> new TypeDef.Array(r.u32(), typeId(r));
      case 4 -> new TypeDef.Tuple(r.sequence(MetadataReader::typeId));
      case 5 -> {
        int primitive = r.u8();
        TypeDef.PrimitiveType[] all = TypeDef.PrimitiveType.values();
        if (primitive >= all.length) {
          throw malformed("primitive kind " + primitive + " at offset " + (r.position() - 1) + " is not 0..14");
        }
        yield new TypeDef.Primitive(all[primitive]);
      }
      case 6 -> new TypeDef.Compact(typeId(r));
      case 7 -> new TypeDef.BitSequence(typeId(r), typeId(r));
      default -> throw malformed("type definition tag " + tag + " at offset " + offset + " is not 0..7");
    };
  }

  private static TypeDef.Field field(ScaleReader r) {
    return new TypeDef.Field(r.option(ScaleReader::string), typeId(r), r.option(ScaleReader::string), docs(r));
  }

  private static PalletMetadata pallet(ScaleReader r, boolean withDocs) {
    String name = r.string();
    Optional<PalletMetadata.Storage> storage = r.option(s -> new PalletMetadata.Storage(s.string(),
        s.sequence(MetadataReader::storageEntry)));
    Optional<Integer> calls = r.option(MetadataReader::typeId);
    Optional<Integer> event = r.option(MetadataReader::typeId);
    List<PalletConstant> constants =
        r.sequence(c -> new PalletConstant(c.string(), typeId(c), c.bytes(), docs(c)));
    Optional<Integer> error = r.option(MetadataReader::typeId);
    int index = r.u8();
    List<String> docs = withDocs ? docs(r) : List.of();
    return new PalletMetadata(name, storage, calls, event, constants, error, index, docs);
  }

  private static StorageEntry storageEntry(ScaleReader r) {
    String name = r.string();
    int modifierOffset = r.position();
    int modifier = r.u8();
    if (modifier > 1) {
      throw malformed("storage modifier " + modifier + " at offset " + modifierOffset + " is not 0 or 1");
    }
    int typeOffset = r.position();
    int kind = r.u8();
    StorageEntry.Type type = switch (kind) {
      case 0 -> new StorageEntry.Plain(typeId(r));
      case 1 -> new StorageEntry.Map(r.sequence(h -> StorageHasher.fromCode(h.u8())), typeId(r), typeId(r));
      default -> throw malformed("storage entry type " + kind + " at offset " + typeOffset + " is not 0 or 1");
    };
    return new StorageEntry(name, StorageEntry.Modifier.values()[modifier], type, r.bytes(), docs(r));
  }

  private static ExtrinsicMetadata.SignedExtension signedExtension(ScaleReader r) {
    return new ExtrinsicMetadata.SignedExtension(r.string(), typeId(r), typeId(r));
  }

  private static List<String> docs(ScaleReader r) {
    return r.sequence(ScaleReader::string);
  }

  private static int typeId(ScaleReader r) {
    int offset = r.position();
    long id = r.compactU32();
    if (id > Integer.MAX_VALUE) {
      throw malformed("type id " + id + " at offset " + offset + " is too large");
    }
    return (int) id;
  }

  private static KinitroException malformed(String message) {
    return new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED, "metadata is malformed: " + message);
  }
}
