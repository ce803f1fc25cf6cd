package ai.kinitro.common.chain.metadata;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How a registry type is laid out in SCALE (scale-info's {@code TypeDef}, variant order as encoded). */
public sealed interface TypeDef {

  /** A struct: its fields in order (named, or all unnamed for a tuple struct). */
  record Composite(List<Field> fields) implements TypeDef {
    public Composite {
      fields = List.copyOf(fields);
    }
  }

  /** An enum: each variant has its own one-byte index and fields. */
  record Variant(List<VariantDef> variants) implements TypeDef {
    public Variant {
      variants = List.copyOf(variants);
    }

    public Optional<VariantDef> byName(String name) {
      return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public Optional<VariantDef> byIndex(int index) {
      return variants.stream().filter(v -> v.index() == index).findFirst();
    }
  }

  /** {@code Vec<T>}: compact length then the items. */
  record Sequence(int type) implements TypeDef {}

  /** {@code [T; length]}. */
  record Array(long length, int type) implements TypeDef {}

  /** {@code (A, B, ...)}; the empty tuple is {@code ()}. */
  record Tuple(List<Integer> types) implements TypeDef {
    public Tuple {
      types = List.copyOf(types);
    }
  }

  /** A primitive. */
  record Primitive(PrimitiveType primitive) implements TypeDef {
    public Primitive {
      Objects.requireNonNull(primitive, "primitive");
    }
  }

  /** {@code Compact<T>}. */
  record Compact(int type) implements TypeDef {}

  /** A bitvec with the given store and order types. */
  record BitSequence(int storeType, int orderType) implements TypeDef {}

  /** One field of a composite or a variant. */
  record Field(Optional<String> name, int type, Optional<String> typeName, List<String> docs) {
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(typeName, "typeName");
      docs = List.copyOf(docs);
    }

    /** A field without docs. */
    public static Field of(String name, int type, String typeName) {
      return new Field(Optional.ofNullable(name), type, Optional.ofNullable(typeName), List.of());
    }
  }

  /** One enum variant. */
  record VariantDef(String name, List<Field> fields, int index, List<String> docs) {
    public VariantDef {
      Objects.requireNonNull(name, "name");
      fields = List.copyOf(fields);
      docs = List.copyOf(docs);
    }
  }

  /** scale-info's primitive kinds in their encoded order. */
  enum PrimitiveType {
    BOOL, CHAR, STR, U8, U16, U32, U64, U128, U256, I8, I16, I32, I64, I128, I256;

    /** Fixed encoded size in bytes, or -1 for {@code str}. */
    public int size() {
      return switch (this) {
        case BOOL, U8, I8 -> 1;
        case U16, I16 -> 2;
        case CHAR, U32, I32 -> 4;
        case U64, I64 -> 8;
        case U128, I128 -> 16;
        case U256, I256 -> 32;
        case STR -> -1;
      };
    }
  }
}
