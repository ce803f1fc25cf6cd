package ai.kinitro.common.chain.metadata;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleWriter;
import java.util.List;
import java.util.Optional;

/**
 * Writes a {@link RuntimeMetadata} as a {@code RuntimeMetadataPrefixed} blob, the inverse of {@link
 * MetadataReader}: what {@code state_getMetadata} returns. A dev chain serves its metadata through
 * this, and tests build synthetic metadata with it.
 */
public final class MetadataWriter {
  private MetadataWriter() {}

  /** The blob in the metadata's own version. */
  public static byte[] write(RuntimeMetadata metadata) {
    return metadata.version() == 14 ? writeV14(metadata) : writeV15(metadata);
  }

  /**
   * A V14 blob. Needs the V14 extrinsic type id; V15-only parts (pallet docs, APIs, outer enums,
   * custom values) are left out.
   */
  public static byte[] writeV14(RuntimeMetadata metadata) {
    int extrinsicType = metadata.extrinsic().type().orElseThrow(() -> new KinitroException(ErrorCode.ENCODING_FAILED,
        "V14 metadata needs the extrinsic type id, which V15 metadata does not carry"));
    ScaleWriter w = header(14);
    registry(w, metadata.registry());
    w.sequence(metadata.pallets(), (p, pallet) -> pallet(p, pallet, false));
    typeId(w, extrinsicType);
    w.u8(metadata.extrinsic().version());
    w.sequence(metadata.extrinsic().signedExtensions(), MetadataWriter::signedExtension);
    typeId(w, metadata.runtimeType());
    return w.toByteArray();
  }

  /** A V15 blob; needs the V15 extrinsic types and outer enums. */
  public static byte[] writeV15(RuntimeMetadata metadata) {
    ExtrinsicMetadata.V15Types types = metadata.extrinsic().v15Types().orElseThrow(() ->
        new KinitroException(ErrorCode.ENCODING_FAILED, "V15 metadata needs the extrinsic address/call/signature/extra types"));
    RuntimeMetadata.OuterEnums outer = metadata.outerEnums().orElseThrow(() ->
        new KinitroException(ErrorCode.ENCODING_FAILED, "V15 metadata needs the outer enum types"));
    ScaleWriter w = header(15);
    registry(w, metadata.registry());
    w.sequence(metadata.pallets(), (p, pallet) -> pallet(p, pallet, true));
    w.u8(metadata.extrinsic().version());
    typeId(w, types.address());
    typeId(w, types.call());
    typeId(w, types.signature());
    typeId(w, types.extra());
    w.sequence(metadata.extrinsic().signedExtensions(), MetadataWriter::signedExtension);
    typeId(w, metadata.runtimeType());
    w.sequence(metadata.apis(), (a, api) -> {
      a.string(api.name());
      a.sequence(api.methods(), (m, method) -> {
        m.string(method.name());
        m.sequence(method.inputs(), (p, param) -> {
          p.string(param.name());
          typeId(p, param.type());
        });
        typeId(m, method.output());
        docs(m, method.docs());
      });
      docs(a, api.docs());
    });
    typeId(w, outer.callType());
    typeId(w, outer.eventType());
    typeId(w, outer.errorType());
    w.sequence(metadata.custom(), (c, value) -> {
      c.string(value.name());
      typeId(c, value.type());
      c.bytes(value.value());
    });
    return w.toByteArray();
  }

  private static ScaleWriter header(int version) {
    return new ScaleWriter(1 << 16).u32(MetadataReader.MAGIC).u8(version);
  }

  private static void registry(ScaleWriter w, PortableRegistry registry) {
    w.sequence(registry.types(), (t, type) -> {
      typeId(t, type.id());
      t.sequence(type.path(), ScaleWriter::string);
      t.sequence(type.params(), (p, param) -> {
        p.string(param.name());
        optionalType(p, param.type());
      });
      typeDef(t, type.def());
      docs(t, type.docs());
    });
  }

  private static void typeDef(ScaleWriter w, TypeDef def) {
    switch (def) {
      case TypeDef.Composite c -> w.u8(0).sequence(c.fields(), MetadataWriter::field);
      case TypeDef.Variant v -> w.u8(1).sequence(v.variants(), (x, variant) -> {
        x.string(variant.name());
        x.sequence(variant.fields(), MetadataWriter::field);
        x.u8(variant.index());
        docs(x, variant.docs());
      });
      case TypeDef.Sequence s -> typeId(w.u8(2), s.type());
      case TypeDef.Array a -> typeId(w.u8(3).u32(a.length()), a.type());
      case TypeDef.Tuple t -> w.u8(4).sequence(t.types(), MetadataWriter::typeId);
      case TypeDef.Primitive p -> w.u8(5).u8(p.primitive().ordinal());
      case TypeDef.Compact c -> typeId(w.u8(6), c.type());
      case TypeDef.BitSequence b -> typeId(typeId(w.u8(7), b.storeType()), b.orderType());
    }
  }

  private static void field(ScaleWriter w, TypeDef.Field field) {
    w.option(field.name(), ScaleWriter::string);
    typeId(w, field.type());
    w.option(field.typeName(), ScaleWriter::string);
    docs(w, field.docs());
  }

  private static void pallet(ScaleWriter w, PalletMetadata pallet, boolean withDocs) {
    w.string(pallet.name());
    w.option(pallet.storage(), (s, storage) -> {
      s.string(storage.prefix());
      s.sequence(storage.entries(), MetadataWriter::storageEntry);
    });
    optionalType(w, pallet.callType());
    optionalType(w, pallet.eventType());
    w.sequence(pallet.constants(), (c, constant) -> {
      c.string(constant.name());
      typeId(c, constant.type());
      c.bytes(constant.value());
      docs(c, constant.docs());
    });
    optionalType(w, pallet.errorType());
    w.u8(pallet.index());
    if (withDocs) {
      docs(w, pallet.docs());
    }
  }

  private static void storageEntry(ScaleWriter w, StorageEntry entry) {
    w.string(entry.name());
    w.u8(entry.modifier().ordinal());
    switch (entry.type()) {
      case StorageEntry.Plain p -> typeId(w.u8(0), p.value());
      case StorageEntry.Map m -> {
        w.u8(1).sequence(m.hashers(), (h, hasher) -> h.u8(hasher.code()));
        typeId(w, m.key());
        typeId(w, m.value());
      }
    }
    w.bytes(entry.defaultValue());
    docs(w, entry.docs());
  }

  private static void signedExtension(ScaleWriter w, ExtrinsicMetadata.SignedExtension extension) {
    w.string(extension.identifier());
    typeId(w, extension.type());
    typeId(w, extension.additionalSigned());
  }

  private static void optionalType(ScaleWriter w, Optional<Integer> type) {
    w.option(type, MetadataWriter::typeId);
  }

  private static void docs(ScaleWriter w, List<String> docs) {
    w.sequence(docs, ScaleWriter::string);
  }

  private static ScaleWriter typeId(ScaleWriter w, int id) {
    return w.compact(id);
  }
}
