package ai.kinitro.common.chain.metadata;

import ai.kinitro.common.chain.StorageHasher;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One storage item of a pallet.
 *
 * @param name the item name, e.g. {@code Tempo}
 * @param modifier whether a missing key reads as "none" or as {@code defaultValue}
 * @param type plain value or map (with hashers, key type and value type)
 * @param defaultValue the SCALE bytes a missing key stands for ({@code 00} for optional items)
 * @param docs doc lines
 */
public record StorageEntry(String name, Modifier modifier, Type type, byte[] defaultValue, List<String> docs) {
  public StorageEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(modifier, "modifier");
    Objects.requireNonNull(type, "type");
    defaultValue = Objects.requireNonNull(defaultValue, "defaultValue").clone();
    docs = List.copyOf(docs);
  }

  @Override
  public byte[] defaultValue() {
    return defaultValue.clone();
  }

  /** The type id of the stored value. */
  public int valueType() {
    return switch (type) {
      case Plain p -> p.value();
      case Map m -> m.value();
    };
  }

  /** The hashers of a map, in key order; empty for a plain value. */
  public List<StorageHasher> hashers() {
    return type instanceof Map m ? m.hashers() : List.of();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StorageEntry that && name.equals(that.name) && modifier == that.modifier
        && type.equals(that.type) && Arrays.equals(defaultValue, that.defaultValue) && docs.equals(that.docs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, modifier, type, Arrays.hashCode(defaultValue), docs);
  }

  @Override
  public String toString() {
    return "StorageEntry[" + name + ", " + modifier + ", " + type + ", default=0x"
        + HexFormat.of().formatHex(defaultValue) + "]";
  }

  /** {@code StorageEntryModifier}: 0 Optional, 1 Default. */
  public enum Modifier {
    OPTIONAL,
    DEFAULT
  }

  /** {@code StorageEntryType}. */
  public sealed interface Type {}

  /** A single value. */
  public record Plain(int value) implements Type {}

  /**
   * A map. With several hashers the key type is a tuple whose elements line up with them.
   *
   * @param hashers one per key
   * @param key the key type (a tuple for double and N maps)
   * @param value the value type
   */
  public record Map(List<StorageHasher> hashers, int key, int value) implements Type {
    public Map {
      hashers = List.copyOf(hashers);
    }
  }
}
