package ai.kinitro.common.chain.metadata;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the type registry.
 *
 * @param id the number other entries use to refer to it
 * @param path the Rust path, e.g. {@code [pallet_subtensor, pallet, Call]} (empty for primitives)
 * @param params generic parameters
 * @param def the layout
 * @param docs doc lines
 */
public record PortableType(int id, List<String> path, List<TypeParameter> params, TypeDef def, List<String> docs) {
  public PortableType {
    path = List.copyOf(path);
    params = List.copyOf(params);
    Objects.requireNonNull(def, "def");
    docs = List.copyOf(docs);
  }

  /** The path joined with {@code ::}. */
  public String pathName() {
    return String.join("::", path);
  }

  /** A generic parameter, with its type when it is not erased. */
  public record TypeParameter(String name, Optional<Integer> type) {
    public TypeParameter {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }
}
