package ai.kinitro.common.chain.metadata;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** A pallet constant: its type and SCALE-encoded value. */
public record PalletConstant(String name, int type, byte[] value, List<String> docs) {
  public PalletConstant {
    Objects.requireNonNull(name, "name");
    value = Objects.requireNonNull(value, "value").clone();
    docs = List.copyOf(docs);
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PalletConstant that && name.equals(that.name) && type == that.type
        && Arrays.equals(value, that.value) && docs.equals(that.docs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, Arrays.hashCode(value), docs);
  }

  @Override
  public String toString() {
    return "PalletConstant[" + name + ", type " + type + ", 0x" + HexFormat.of().formatHex(value) + "]";
  }
}
