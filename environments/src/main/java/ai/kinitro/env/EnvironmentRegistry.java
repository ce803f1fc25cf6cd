package ai.kinitro.env;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environments that exist, by versioned id. The backend validates benchmark specs against it;
 * evaluators and local evaluation create environments from it.
 */
public final class EnvironmentRegistry {
  private final Map<String, EnvironmentFactory> byId;

  public EnvironmentRegistry(Collection<? extends EnvironmentFactory> factories) {
    Map<String, EnvironmentFactory> map = new LinkedHashMap<>();
    for (EnvironmentFactory f : factories) {
      String id = f.spec().id().toString();
      if (map.putIfAbsent(id, f) != null) {
        throw new IllegalArgumentException("Environment id registered twice: " + id);
      }
    }
    this.byId = Collections.unmodifiableMap(map);
  }

  /** Every environment Kinitro ships. */
  public static EnvironmentRegistry standard() {
    List<EnvironmentFactory> all = new ArrayList<>();
    all.addAll(StandardEnvironments.all());
    return new EnvironmentRegistry(all);
  }

  public List<EnvSpec> specs() {
    return byId.values().stream().map(EnvironmentFactory::spec).toList();
  }

  public Optional<EnvSpec> find(String id) {
    return Optional.ofNullable(byId.get(id)).map(EnvironmentFactory::spec);
  }

  /** Creates an instance; an unknown id is a USER error listing what exists. */
  public Environment create(String id) {
    EnvironmentFactory f = byId.get(id);
    if (f == null) {
      throw new KinitroException(ErrorCode.NOT_FOUND,
          "Unknown environment '" + id + "'. Known ids: " + String.join(", ", byId.keySet()));
    }
    return f.create();
  }
}
