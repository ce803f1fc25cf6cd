package ai.kinitro.miner.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * Reads {@code miner.toml}:
 *
 * <pre>{@code
 * network = "local"                     # local | testnet | finney
 * backend_url = "http://127.0.0.1:8080"
 * chain_url = "ws://127.0.0.1:9944"
 * netuid = 1
 * competition_id = "7312840000000000001"
 * agent_dir = "my-agent"                # relative to this file
 *
 * [wallet]
 * name = "miner"
 * hotkey = "default"
 * path = "~/.bittensor/wallets"
 * # uri = "//Dave"                      # a dev key instead of wallet files (dev chain only)
 * }</pre>
 *
 * Unknown keys are refused so that a typo does not silently fall back to a default. The wallet
 * password is never read from this file: it comes from a prompt or an environment variable.
 */
public final class MinerConfigFile {
  public static final String FILE_NAME = "miner.toml";
  private static final Set<String> TOP = Set.of("network", "backend_url", "chain_url", "netuid", "competition_id",
      "agent_dir", "wallet");
  private static final Set<String> WALLET = Set.of("name", "hotkey", "path", "uri");
  private static final TomlMapper TOML = TomlMapper.builder().build();

  private MinerConfigFile() {}

  /** The settings in {@code file}; a missing file is an error. */
  public static MinerSettings read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw MinerConfig.invalid("the configuration file " + file + " does not exist");
    } catch (IOException e) {
      throw MinerConfig.invalid("cannot read " + file + ": " + e.getMessage());
    }
    return parse(text, file.toAbsolutePath().getParent(), file.toString());
  }

  /** The settings in {@code file}, or none when it does not exist (the default {@code ./miner.toml}). */
  public static MinerSettings readIfPresent(Path file) {
    return Files.isRegularFile(file) ? read(file) : MinerSettings.EMPTY;
  }

  /**
   * Parses TOML text; a relative {@code agent_dir} is made absolute against {@code baseDir}.
   * {@code origin} names the source in messages.
   */
  public static MinerSettings parse(String text, Path baseDir, String origin) {
    JsonNode root;
    try {
      root = TOML.readTree(text);
    } catch (JacksonException e) {
      throw MinerConfig.invalid(origin + " is not valid TOML: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return MinerSettings.EMPTY;
    }
    onlyKeys(root, TOP, origin, "");
    JsonNode wallet = root.path("wallet");
    if (!wallet.isMissingNode()) {
      if (!wallet.isObject()) {
        throw MinerConfig.invalid(origin + ": 'wallet' must be a table ([wallet])");
      }
      onlyKeys(wallet, WALLET, origin, "wallet.");
    }
    Optional<Integer> netuid = Optional.empty();
    JsonNode n = root.path("netuid");
    if (!n.isMissingNode()) {
      if (!n.isIntegralNumber() || !n.canConvertToInt()) {
        throw MinerConfig.invalid(origin + ": netuid must be an integer");
      }
      netuid = Optional.of(n.asInt());
    }
    Optional<String> agentDir = text(root, "agent_dir", origin)
        .map(d -> d.startsWith("~") || baseDir == null ? d : baseDir.resolve(d).normalize().toString());
    return new MinerSettings(text(root, "network", origin), text(root, "backend_url", origin),
        text(root, "chain_url", origin), netuid, text(root, "competition_id", origin), text(wallet, "name", origin),
        text(wallet, "hotkey", origin), text(wallet, "path", origin), text(wallet, "uri", origin), agentDir);
  }

  /** A starter file for {@code init}: the local platform and a dev key. */
  public static String template(String competitionId, String agentDir) {
    return """
        # Kinitro miner settings. Flags override every value; see docs/miner.md.
        network = "local"                      # local | testnet | finney
        backend_url = "http://127.0.0.1:8080"  # the Kinitro backend
        chain_url = "ws://127.0.0.1:9944"      # local: ./kinitro chain devnet
        netuid = 1
        %s
        agent_dir = "%s"

        [wallet]
        # Development key of the local dev chain (public secret: never use it on a real network).
        uri = "//Dave"
        # For a real hotkey, remove 'uri' and name the bittensor wallet instead. An encrypted hotkey's
        # password is asked on the terminal, or read from KINITRO_WALLET_PASSWORD.
        # name = "miner"
        # hotkey = "default"
        # path = "~/.bittensor/wallets"
        """.formatted(competitionId == null ? "# competition_id = \"<id from GET /competitions?active_only=true>\""
            : "competition_id = \"" + competitionId + "\"", agentDir.replace("\\", "/").replace("\"", "\\\""));
  }

  private static Optional<String> text(JsonNode node, String key, String origin) {
    JsonNode v = node.path(key);
    if (v.isMissingNode()) {
      return Optional.empty();
    }
    if (v.isString()) {
      return Optional.of(v.asString());
    }
    if (v.isIntegralNumber() && key.equals("competition_id")) {
      return Optional.of(v.asString());
    }
    throw MinerConfig.invalid(origin + ": " + key + " must be a string");
  }

  private static void onlyKeys(JsonNode node, Set<String> allowed, String origin, String prefix) {
    List<String> unknown = new ArrayList<>();
    Iterator<String> names = node.propertyNames().iterator();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        unknown.add(prefix + name);
      }
    }
    if (!unknown.isEmpty()) {
      if (unknown.stream().anyMatch(k -> k.contains("password") || k.contains("secret") || k.contains("mnemonic"))) {
        throw MinerConfig.invalid(origin + ": secrets do not belong in the configuration file; remove " + unknown
            + " and use the password prompt or KINITRO_WALLET_PASSWORD");
      }
      throw MinerConfig.invalid(origin + ": unknown setting(s) " + unknown + "; allowed: "
          + allowed.stream().sorted().map(k -> prefix + k).toList());
    }
  }
}
