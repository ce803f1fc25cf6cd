package ai.kinitro.common.chain.metadata;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SCALE value decoded by its registry type ({@link ValueDecoder}): enough structure to walk
 * events and storage values without a Java type per runtime type.
 */
public sealed interface Value {

  /** A struct or tuple: field names (null for unnamed) aligned with the values. */
  record Composite(List<String> names, List<Value> values) implements Value {
    public Composite {
      names = java.util.Collections.unmodifiableList(new ArrayList<>(names));
      values = List.copyOf(values);
      if (names.size() != values.size()) {
        throw new IllegalArgumentException("names and values differ in length");
      }
    }

    /** The field called {@code name}. */
    public Optional<Value> field(String name) {
      for (int i = 0; i < names.size(); i++) {
        if (name.equals(names.get(i))) {
          return Optional.of(values.get(i));
        }
      }
      return Optional.empty();
    }

    /** The field called {@code name}; fails with {@link ErrorCode#CHAIN_DATA_MALFORMED} if absent. */
    public Value require(String name) {
      return field(name).orElseThrow(() -> new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED,
          "decoded value has no field '" + name + "' (fields: " + names + ")"));
    }

    public Value get(int index) {
      return values.get(index);
    }
  }

  /** An enum variant with its fields. */
  record Variant(String name, int index, Composite fields) implements Value {
    public Variant {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(fields, "fields");
    }
  }

  /** A sequence or array of non-byte items. */
  record Sequence(List<Value> items) implements Value {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  /** A {@code Vec<u8>} or {@code [u8; N]}. */
  record Bytes(byte[] bytes) implements Value {
    public Bytes {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Bytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Bytes[0x" + HexFormat.of().formatHex(bytes) + "]";
    }
  }

  /** An integer of any width (compacts included). */
  record Int(BigInteger value) implements Value {
    public Int {
      Objects.requireNonNull(value, "value");
    }

    public long longValue() {
      return value.longValue();
    }
  }

  /** {@code bool}. */
  record Bool(boolean value) implements Value {}

  /** {@code str} or {@code char}. */
  record Text(String value) implements Value {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A bit sequence: its length in bits and the raw store bytes. */
  record Bits(long length, byte[] raw) implements Value {
    public Bits {
      raw = raw.clone();
    }

    @Override
    public byte[] raw() {
      return raw.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Bits that && length == that.length && Arrays.equals(raw, that.raw);
    }

    @Override
    public int hashCode() {
      return 31 * Long.hashCode(length) + Arrays.hashCode(raw);
    }
  }
}
