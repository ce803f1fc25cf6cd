package ai.kinitro.common.chain.metadata;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The metadata's type registry: every type a call, storage value, event or error refers to. */
public record PortableRegistry(List<PortableType> types) {
  public PortableRegistry {
    types = List.copyOf(types);
  }

  /** The type with {@code id}; fails with {@link ErrorCode#CHAIN_DATA_MALFORMED} if it is absent. */
  public PortableType type(int id) {
    if (id >= 0 && id < types.size() && types.get(id).id() == id) {
      return types.get(id);
    }
    return byId().computeIfAbsent(id, missing -> {
      throw new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED,
          "metadata refers to type " + missing + " but its registry has no such type");
    });
  }

  /** The layout of type {@code id}. */
  public TypeDef def(int id) {
    return type(id).def();
  }

  /**
   * True when values of type {@code id} encode to no bytes at all: the empty tuple, structs of
   * such fields, zero-length arrays. Signed extensions of such types add nothing to an extrinsic.
   */
  public boolean isZeroSized(int id) {
    return isZeroSized(id, new HashSet<>());
  }

  private boolean isZeroSized(int id, Set<Integer> visiting) {
    if (!visiting.add(id)) {
      return false;
    }
    return switch (def(id)) {
      case TypeDef.Composite c -> c.fields().stream().allMatch(f -> isZeroSized(f.type(), visiting));
      case TypeDef.Tuple t -> t.types().stream().allMatch(t1 -> isZeroSized(t1, visiting));
      case TypeDef.Array a -> a.length() == 0 || isZeroSized(a.type(), visiting);
      default -> false;
    };
  }

  private Map<Integer, PortableType> byId() {
    Map<Integer, PortableType> map = new HashMap<>();
    for (PortableType type : types) {
      map.put(type.id(), type);
    }
    return map;
  }
}
