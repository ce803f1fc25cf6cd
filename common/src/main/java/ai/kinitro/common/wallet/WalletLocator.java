package ai.kinitro.common.wallet;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a btwallet wallet's files are: {@code <walletsDir>/<wallet>/coldkey}, {@code
 * coldkeypub.txt}, {@code hotkeys/<hotkey>} and {@code hotkeys/<hotkey>pub.txt}.
 *
 * <p>Defaults are btwallet's: {@code ~/.bittensor/wallets}, wallet {@code default}, hotkey {@code
 * default}; the environment variables {@value #ENV_WALLET_PATH}, {@value #ENV_WALLET_NAME} and
 * {@value #ENV_WALLET_HOTKEY} override them. The environment is passed in, so callers (and tests)
 * decide where it comes from.
 *
 * @param walletsDir the directory holding one folder per wallet
 * @param wallet the wallet (coldkey) name
 * @param hotkey the hotkey name inside that wallet
 */
public record WalletLocator(Path walletsDir, String wallet, String hotkey) {
  public static final String ENV_WALLET_NAME = "BT_WALLET_NAME";
  public static final String ENV_WALLET_HOTKEY = "BT_WALLET_HOTKEY";
  public static final String ENV_WALLET_PATH = "BT_WALLET_PATH";
  public static final String DEFAULT_NAME = "default";

  public WalletLocator {
    Objects.requireNonNull(walletsDir, "walletsDir");
    checkName(wallet, "wallet");
    checkName(hotkey, "hotkey");
  }

  /** The defaults with the overrides found in {@code environment}; {@code ~} means {@code userHome}. */
  public static WalletLocator fromEnvironment(Map<String, String> environment, Path userHome) {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(userHome, "userHome");
    String path = nonBlank(environment.get(ENV_WALLET_PATH));
    Path walletsDir = path == null ? userHome.resolve(".bittensor").resolve("wallets") : expandHome(path, userHome);
    String wallet = nonBlank(environment.get(ENV_WALLET_NAME));
    String hotkey = nonBlank(environment.get(ENV_WALLET_HOTKEY));
    return new WalletLocator(walletsDir, wallet == null ? DEFAULT_NAME : wallet, hotkey == null ? DEFAULT_NAME : hotkey);
  }

  /** {@link #fromEnvironment(Map, Path)} with the process environment and {@code user.home}. */
  public static WalletLocator fromSystemEnvironment() {
    return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  public WalletLocator withWallet(String name) {
    return new WalletLocator(walletsDir, name, hotkey);
  }

  public WalletLocator withHotkey(String name) {
    return new WalletLocator(walletsDir, wallet, name);
  }

  public Path walletDir() {
    return walletsDir.resolve(wallet);
  }

  public Path coldkeyPath() {
    return walletDir().resolve("coldkey");
  }

  public Path coldkeyPubPath() {
    return walletDir().resolve("coldkeypub.txt");
  }

  public Path hotkeyPath() {
    return walletDir().resolve("hotkeys").resolve(hotkey);
  }

  public Path hotkeyPubPath() {
    return walletDir().resolve("hotkeys").resolve(hotkey + "pub.txt");
  }

  /**
   * {@code path} if it is a regular file, else {@link ErrorCode#NOT_FOUND} naming the path and
   * the settings that choose it.
   */
  public Path requireExisting(Path path) {
    Objects.requireNonNull(path, "path");
    if (!Files.isRegularFile(path)) {
      throw new KinitroException(ErrorCode.NOT_FOUND,
          "no keyfile at " + path + " (wallet '" + wallet + "', hotkey '" + hotkey + "'); choose another wallet with "
              + ENV_WALLET_NAME + "/" + ENV_WALLET_HOTKEY + "/" + ENV_WALLET_PATH + " or create it with btcli");
    }
    return path;
  }

  private static Path expandHome(String path, Path userHome) {
    if (path.equals("~")) {
      return userHome;
    }
    if (path.startsWith("~/") || path.startsWith("~\\")) {
      return userHome.resolve(path.substring(2));
    }
    return Path.of(path);
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static void checkName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isBlank() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")
        || name.indexOf('\0') >= 0) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
          "the " + what + " name '" + name + "' is not a plain file name (no slashes, not '.' or '..', not empty)");
    }
  }
}
