package ai.kinitro.devchain.runtime;

import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.common.scale.ScaleWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One block's storage: raw keys to SCALE values, immutable once built. Answers point reads and
 * ordered key scans like a node's state backend.
 */
public final class Storage {
  private final NavigableMap<StorageKeyBytes, byte[]> entries;

  private Storage(NavigableMap<StorageKeyBytes, byte[]> entries) {
    this.entries = entries;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<byte[]> get(byte[] key) {
    byte[] value = entries.get(new StorageKeyBytes(key));
    return value == null ? Optional.empty() : Optional.of(value.clone());
  }

  /** Up to {@code count} keys starting with {@code prefix}, strictly after {@code startAfter} if given, in order. */
  public List<StorageKeyBytes> keys(byte[] prefix, int count, Optional<byte[]> startAfter) {
    StorageKeyBytes from = new StorageKeyBytes(prefix);
    NavigableMap<StorageKeyBytes, byte[]> tail = entries.tailMap(from, true);
    if (startAfter.isPresent()) {
      StorageKeyBytes after = new StorageKeyBytes(startAfter.get());
      if (after.compareTo(from) >= 0) {
        tail = entries.tailMap(after, false);
      }
    }
    List<StorageKeyBytes> keys = new ArrayList<>();
    for (StorageKeyBytes key : tail.keySet()) {
      if (keys.size() >= count || !key.startsWith(prefix)) {
        break;
      }
      keys.add(key);
    }
    return keys;
  }

  public int size() {
    return entries.size();
  }

  /** Every entry in key order (read-only). */
  public Map<StorageKeyBytes, byte[]> entries() {
    return Collections.unmodifiableMap(entries);
  }

  /**
   * The dev chain's state root: blake2b-256 of the SCALE {@code Vec<(key, value)>} of all entries in
   * key order. It commits to the whole state like a trie root does, but is not a Merkle-Patricia root.
   */
  public byte[] root() {
    ScaleWriter w = new ScaleWriter(entries.size() * 64);
    w.compact(entries.size());
    for (Map.Entry<StorageKeyBytes, byte[]> e : entries.entrySet()) {
      w.bytes(e.getKey().bytes()).bytes(e.getValue());
    }
    return Hashing.blake2b256(w.toByteArray());
  }

  /** Collects entries; a later put for the same key replaces the earlier one. */
  public static final class Builder {
    private final TreeMap<StorageKeyBytes, byte[]> entries = new TreeMap<>();

    private Builder() {}

    public Builder put(byte[] key, byte[] value) {
      entries.put(new StorageKeyBytes(key), value.clone());
      return this;
    }

    public Storage build() {
      return new Storage(Collections.unmodifiableNavigableMap(new TreeMap<>(entries)));
    }
  }
}
