package ai.kinitro.miner.config;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.wallet.WalletLocator;
import ai.kinitro.miner.wallet.HotkeySpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolved settings: what every command uses. Built by {@link #resolve} from layered {@link
 * MinerSettings} plus the process environment (the bittensor {@code BT_WALLET_*} variables).
 *
 * @param network {@code local}, {@code testnet} or {@code finney}
 * @param backendUrl the backend's base URL ({@code http} or {@code https})
 * @param chainUrl the chain node ({@code ws}, {@code wss}, {@code http} or {@code https})
 * @param netuid the subnet, when known
 * @param competitionId the competition, when chosen
 * @param hotkey where the hotkey comes from (a dev URI or wallet files); nothing is read yet
 * @param agentDir the agent project folder
 */
public record MinerConfig(
    String network,
    URI backendUrl,
    URI chainUrl,
    Optional<Integer> netuid,
    Optional<String> competitionId,
    HotkeySpec hotkey,
    Path agentDir) {
  public static final String LOCAL = "local";
  public static final String TESTNET = "testnet";
  public static final String FINNEY = "finney";
  /** The local platform's backend (the backend daemon's default port). */
  public static final URI LOCAL_BACKEND = URI.create("http://127.0.0.1:8080");
  /** The local dev chain ({@code ./kinitro chain devnet}). */
  public static final URI LOCAL_CHAIN = URI.create("ws://127.0.0.1:9944");
  /** The dev chain's subnet. */
  public static final int LOCAL_NETUID = 1;
  public static final URI TESTNET_CHAIN = URI.create("wss://test.finney.opentensor.ai:443");
  public static final URI FINNEY_CHAIN = URI.create("wss://entrypoint-finney.opentensor.ai:443");

  public MinerConfig {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(backendUrl, "backendUrl");
    Objects.requireNonNull(chainUrl, "chainUrl");
    Objects.requireNonNull(netuid, "netuid");
    Objects.requireNonNull(competitionId, "competitionId");
    Objects.requireNonNull(hotkey, "hotkey");
    Objects.requireNonNull(agentDir, "agentDir");
  }

  /**
   * Fills the gaps of {@code settings} with the network's defaults. Wallet names and paths not set
   * come from {@code environment} ({@code BT_WALLET_NAME}, {@code BT_WALLET_HOTKEY}, {@code
   * BT_WALLET_PATH}), then btwallet's defaults.
   */
  public static MinerConfig resolve(MinerSettings settings, Map<String, String> environment, Path userHome, Path cwd) {
    String network = settings.network().orElse(LOCAL).toLowerCase(Locale.ROOT);
    URI defaultChain;
    Optional<URI> defaultBackend;
    Optional<Integer> defaultNetuid;
    switch (network) {
      case LOCAL -> {
        defaultChain = LOCAL_CHAIN;
        defaultBackend = Optional.of(LOCAL_BACKEND);
        defaultNetuid = Optional.of(LOCAL_NETUID);
      }
      case TESTNET -> {
        defaultChain = TESTNET_CHAIN;
        defaultBackend = Optional.empty();
        defaultNetuid = Optional.empty();
      }
      case FINNEY -> {
        defaultChain = FINNEY_CHAIN;
        defaultBackend = Optional.empty();
        defaultNetuid = Optional.empty();
      }
      default -> throw invalid("network must be local, testnet or finney, not '" + network + "'");
    }
    URI backend = settings.backendUrl().map(u -> url(u, "backend_url", "http", "https")).or(() -> defaultBackend)
        .orElseThrow(() -> invalid("backend_url is required on " + network + ": set it in miner.toml or pass --backend"));
    URI chain = settings.chainUrl().map(u -> url(u, "chain_url", "ws", "wss", "http", "https")).orElse(defaultChain);
    Optional<Integer> netuid = settings.netuid().or(() -> defaultNetuid);
    netuid.ifPresent(n -> {
      if (n < 0 || n > 65535) {
        throw invalid("netuid must be between 0 and 65535, got " + n);
      }
    });
    HotkeySpec hotkey;
    if (settings.uri().isPresent()) {
      hotkey = new HotkeySpec.DevUri(settings.uri().get());
    } else {
      WalletLocator locator = WalletLocator.fromEnvironment(environment, userHome);
      if (settings.walletPath().isPresent()) {
        locator = new WalletLocator(expandHome(settings.walletPath().get(), userHome, cwd), locator.wallet(),
            locator.hotkey());
      }
      if (settings.walletName().isPresent()) {
        locator = locator.withWallet(settings.walletName().get());
      }
      if (settings.walletHotkey().isPresent()) {
        locator = locator.withHotkey(settings.walletHotkey().get());
      }
      hotkey = new HotkeySpec.WalletFiles(locator);
    }
    Path agentDir = settings.agentDir().map(d -> expandHome(d, userHome, cwd)).orElse(cwd).toAbsolutePath().normalize();
    return new MinerConfig(network, backend, chain, netuid, settings.competitionId(), hotkey, agentDir);
  }

  /** The netuid, or a clear error naming the setting. */
  public int requireNetuid() {
    return netuid.orElseThrow(() -> invalid("netuid is required on " + network + ": set it in miner.toml or pass --netuid"));
  }

  /** The competition id, or a clear error naming the setting. */
  public String requireCompetition() {
    return competitionId.orElseThrow(() -> invalid(
        "no competition chosen: set competition_id in miner.toml or pass --competition (list them with GET "
            + backendUrl.resolve("/competitions?active_only=true") + ")"));
  }

  public boolean local() {
    return LOCAL.equals(network);
  }

  static Path expandHome(String path, Path userHome, Path base) {
    Path p;
    if (path.equals("~")) {
      p = userHome;
    } else if (path.startsWith("~/")) {
      p = userHome.resolve(path.substring(2));
    } else {
      p = Path.of(path);
    }
    return base.resolve(p).normalize();
  }

  private static URI url(String text, String field, String... schemes) {
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null || !java.util.List.of(schemes).contains(scheme)) {
        throw invalid(field + " must be an absolute " + String.join("/", schemes) + " URL, got '" + text + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid(field + " is not a URL: '" + text + "'");
    }
  }

  static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.MINER_CONFIG_INVALID, message);
  }
}
