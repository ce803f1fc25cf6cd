package ai.kinitro.common.chain.metadata;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes SCALE bytes by registry type id into {@link Value}s. This is what lets the client read
 * {@code System.Events} (a vector of every pallet's events) without knowing each event's layout.
 */
public final class ValueDecoder {
  private static final int MAX_DEPTH = 256;

  private final PortableRegistry registry;

  public ValueDecoder(PortableRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Decodes the whole of {@code bytes} as type {@code typeId}. */
  public Value decode(int typeId, byte[] bytes) {
    ScaleReader reader = ScaleReader.of(bytes);
    Value value = decode(typeId, reader);
    reader.expectEnd("value of type " + typeId);
    return value;
  }

  /** Decodes one value of type {@code typeId} from the reader's position. */
  public Value decode(int typeId, ScaleReader reader) {
    return decode(typeId, reader, 0);
  }

  private Value decode(int typeId, ScaleReader r, int depth) {
    if (depth > MAX_DEPTH) {
      throw new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED, "value nests deeper than " + MAX_DEPTH + " levels");
    }
    return switch (registry.def(typeId)) {
      case TypeDef.Composite c -> fields(c.fields(), r, depth);
      case TypeDef.Variant v -> {
        int offset = r.position();
        int index = r.u8();
        TypeDef.VariantDef variant = v.byIndex(index).orElseThrow(() -> new KinitroException(
            ErrorCode.CHAIN_DATA_MALFORMED, "byte " + index + " at offset " + offset + " is not a variant of type "
                + typeId + " (" + registry.type(typeId).pathName() + ")"));
        yield new Value.Variant(variant.name(), index, fields(variant.fields(), r, depth));
      }
      case TypeDef.Sequence s -> items(s.type(), r.compactLength("sequence"), r, depth);
      case TypeDef.Array a -> {
        if (a.length() > r.remaining() && !registry.isZeroSized(a.type())) {
          throw new KinitroException(ErrorCode.CHAIN_DATA_TRUNCATED,
              "array of " + a.length() + " items needs more than the " + r.remaining() + " bytes left");
        }
        yield items(a.type(), (int) a.length(), r, depth);
      }
      case TypeDef.Tuple t -> {
        List<String> names = new ArrayList<>();
        List<Value> values = new ArrayList<>();
        for (int type : t.types()) {
          names.add(null);
          values.add(decode(type, r, depth + 1));
        }
        yield new Value.Composite(names, values);
      }
      case TypeDef.Primitive p -> primitive(p.primitive(), r);
      case TypeDef.Compact c -> new Value.Int(r.compact());
      case TypeDef.BitSequence b -> {
        long bits = r.compactU32();
        int storeBytes = switch (registry.def(b.storeType())) {
          case TypeDef.Primitive p when p.primitive().size() > 0 -> p.primitive().size();
          default -> throw new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED,
              "bit sequence store type " + b.storeType() + " is not an unsigned integer");
        };
        long storeBits = storeBytes * 8L;
        long units = (bits + storeBits - 1) / storeBits;
        yield new Value.Bits(bits, r.fixedBytes(Math.toIntExact(units * storeBytes)));
      }
    };
  }

  private Value.Composite fields(List<TypeDef.Field> fields, ScaleReader r, int depth) {
    List<String> names = new ArrayList<>(fields.size());
    List<Value> values = new ArrayList<>(fields.size());
    for (TypeDef.Field field : fields) {
      names.add(field.name().orElse(null));
      values.add(decode(field.type(), r, depth + 1));
    }
    return new Value.Composite(names, values);
  }

  private Value items(int itemType, int count, ScaleReader r, int depth) {
    if (registry.def(itemType) instanceof TypeDef.Primitive p && p.primitive() == TypeDef.PrimitiveType.U8) {
      return new Value.Bytes(r.fixedBytes(count));
    }
    List<Value> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(decode(itemType, r, depth + 1));
    }
    return new Value.Sequence(items);
  }

  private static Value primitive(TypeDef.PrimitiveType type, ScaleReader r) {
    return switch (type) {
      case BOOL -> new Value.Bool(r.bool());
      case CHAR -> new Value.Text(Character.toString((int) r.u32()));
      case STR -> new Value.Text(r.string());
      case U8, U16, U32, U64, U128, U256 -> new Value.Int(unsigned(r.fixedBytes(type.size())));
      case I8, I16, I32, I64, I128, I256 -> new Value.Int(signed(r.fixedBytes(type.size())));
    };
  }

  private static BigInteger unsigned(byte[] littleEndian) {
    return new BigInteger(1, reverse(littleEndian));
  }

  private static BigInteger signed(byte[] littleEndian) {
    return new BigInteger(reverse(littleEndian));
  }

  private static byte[] reverse(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }
}
