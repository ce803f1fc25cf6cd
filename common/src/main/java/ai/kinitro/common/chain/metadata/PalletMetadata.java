package ai.kinitro.common.chain.metadata;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pallet of the runtime.
 *
 * @param name the pallet name as in {@code construct_runtime}, e.g. {@code SubtensorModule}
 * @param storage the storage prefix and entries, if the pallet has storage
 * @param callType the enum type of its calls, if any
 * @param eventType the enum type of its events, if any
 * @param constants its constants
 * @param errorType the enum type of its errors, if any
 * @param index the pallet index: the first byte of its calls and of its module errors
 * @param docs doc lines (V15 only; empty for V14)
 */
public record PalletMetadata(
    String name,
    Optional<Storage> storage,
    Optional<Integer> callType,
    Optional<Integer> eventType,
    List<PalletConstant> constants,
    Optional<Integer> errorType,
    int index,
    List<String> docs) {

  public PalletMetadata {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(callType, "callType");
    Objects.requireNonNull(eventType, "eventType");
    constants = List.copyOf(constants);
    Objects.requireNonNull(errorType, "errorType");
    docs = List.copyOf(docs);
  }

  /** The storage entry called {@code item}, if the pallet has one. */
  public Optional<StorageEntry> storageEntry(String item) {
    return storage.flatMap(s -> s.entries().stream().filter(e -> e.name().equals(item)).findFirst());
  }

  public Optional<PalletConstant> constant(String constantName) {
    return constants.stream().filter(c -> c.name().equals(constantName)).findFirst();
  }

  /** {@code PalletStorageMetadata}: the prefix hashed into every key, and the entries. */
  public record Storage(String prefix, List<StorageEntry> entries) {
    public Storage {
      Objects.requireNonNull(prefix, "prefix");
      entries = List.copyOf(entries);
    }
  }
}
