package ai.kinitro.validator.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What kind of validator this is.
 *
 * @param mode {@code full} (backend link, queue, relay and weights) or {@code lite} (only copies
 *     the backend's {@code GET /weights} to the chain); {@code kinitro.validator.mode}
 * @param netuid the subnet; {@code kinitro.validator.netuid}, default {@value #DEFAULT_NETUID}
 * @param instanceName this process's name in queue claims and logs; default the host name
 */
@ConfigurationProperties("kinitro.validator")
public record ValidatorProperties(Mode mode, Integer netuid, String instanceName) {
  public static final int DEFAULT_NETUID = 26;

  /** Full or lite. */
  public enum Mode { FULL, LITE }

  public ValidatorProperties {
    mode = mode == null ? Mode.FULL : mode;
    netuid = Settings.atLeast(netuid, DEFAULT_NETUID, 1, "kinitro.validator.netuid");
    if (netuid > 65535) {
      throw Settings.invalid("kinitro.validator.netuid", "must be at most 65535, was " + netuid);
    }
    instanceName = Settings.orDefault(instanceName, defaultInstanceName());
  }

  private static String defaultInstanceName() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException e) {
        host = "validator";
      }
    }
    return "validator@" + host;
  }
}
