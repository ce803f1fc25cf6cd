package ai.kinitro.platform.services;

import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Ss58;
import java.util.List;

/**
 * The well-known Substrate development keys the dev chain's default genesis registers, in uid
 * order, with their roles. Their secret URIs are public (derived from Substrate's published development phrase), so
 * printing them is fine; they must never hold value on a real network.
 */
public final class DevKeys {
  /**
   * A development key: what it is for, its secret URI, its SS58 address, its uid on the dev chain's
   * default genesis, and whether it has a validator permit there.
   */
  public record DevKey(String role, String secretUri, String address, int uid, boolean validatorPermit) {}

  private static final List<String[]> ROLES = List.of(
      new String[] {"subnet owner", "//Alice"},
      new String[] {"validator (runs in this platform)", "//Bob"},
      new String[] {"validator", "//Charlie"},
      new String[] {"miner", "//Dave"},
      new String[] {"miner", "//Eve"},
      new String[] {"miner", "//Ferdie"});

  /** The secret URI of the hotkey the local validator uses. */
  public static final String LOCAL_VALIDATOR = "//Bob";

  private DevKeys() {}

  public static List<DevKey> all() {
    List<DevKey> keys = new java.util.ArrayList<>();
    for (int uid = 0; uid < ROLES.size(); uid++) {
      String[] r = ROLES.get(uid);
      keys.add(new DevKey(r[0], r[1], Ss58.encode(SecretUri.parse(r[1]).publicKey()), uid, r[0].startsWith("validator")));
    }
    return List.copyOf(keys);
  }
}
