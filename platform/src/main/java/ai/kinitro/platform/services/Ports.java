package ai.kinitro.platform.services;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports of the local platform. The defaults are fixed so URLs stay the same between runs;
 * PostgreSQL uses 5433 because a system PostgreSQL often holds 5432.
 */
public record Ports(int postgres, int s3, int chain, int backend, int validator, int evaluator) {
  public static final Ports DEFAULTS = new Ports(5433, 9000, 9944, 8080, 8091, 8092);

  public Ports {
    for (int port : new int[] {postgres, s3, chain, backend, validator, evaluator}) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
    }
    if (java.util.stream.IntStream.of(postgres, s3, chain, backend, validator, evaluator).distinct().count() != 6) {
      throw new IllegalArgumentException("every service needs its own port: " + this);
    }
  }

  /** By service name, in start order. */
  public Map<String, Integer> byService() {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put(ServiceCatalog.POSTGRES, postgres);
    map.put(ServiceCatalog.S3, s3);
    map.put(ServiceCatalog.CHAIN, chain);
    map.put(ServiceCatalog.BACKEND, backend);
    map.put(ServiceCatalog.VALIDATOR, validator);
    map.put(ServiceCatalog.EVALUATOR, evaluator);
    return map;
  }

  /** The inverse of {@link #byService()}; missing names take their default. */
  public static Ports fromMap(Map<String, Integer> ports) {
    Map<String, Integer> defaults = DEFAULTS.byService();
    java.util.function.Function<String, Integer> get = name -> ports.getOrDefault(name, defaults.get(name));
    return new Ports(get.apply(ServiceCatalog.POSTGRES), get.apply(ServiceCatalog.S3), get.apply(ServiceCatalog.CHAIN),
        get.apply(ServiceCatalog.BACKEND), get.apply(ServiceCatalog.VALIDATOR), get.apply(ServiceCatalog.EVALUATOR));
  }
}
