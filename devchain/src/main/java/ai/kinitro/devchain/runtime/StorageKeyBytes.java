package ai.kinitro.devchain.runtime;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** A raw storage key ordered as substrate orders keys: unsigned lexicographic bytes. */
public record StorageKeyBytes(byte[] bytes) implements Comparable<StorageKeyBytes> {
  public StorageKeyBytes {
    bytes = Objects.requireNonNull(bytes, "bytes").clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public boolean startsWith(byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  @Override
  public int compareTo(StorageKeyBytes other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StorageKeyBytes that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  public String toHex() {
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
