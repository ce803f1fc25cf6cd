package ai.kinitro.miner.wallet;

import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.wallet.KeyfileContents;
import ai.kinitro.common.wallet.PasswordSource;
import ai.kinitro.common.wallet.WalletKeys;
import ai.kinitro.common.wallet.Wallets;
import java.io.Console;
import java.util.Map;
import java.util.Objects;

/**
 * Loads the miner's hotkey. An encrypted hotkey file needs a password: {@link #passwords} asks the
 * environment variable {@value #PASSWORD_ENV} first (automation), then the terminal; without
 * either, loading fails with {@code WRONG_PASSWORD} saying how to give one.
 */
public final class Hotkeys {
  /** Environment variable holding the hotkey file's password, for scripts and CI. */
  public static final String PASSWORD_ENV = "KINITRO_WALLET_PASSWORD";

  private Hotkeys() {}

  /** Reads (and if needed decrypts) the hotkey. Never includes a secret in an exception. */
  public static MinerHotkey load(HotkeySpec spec, PasswordSource passwords) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(passwords, "passwords");
    return switch (spec) {
      case HotkeySpec.DevUri dev -> {
        Sr25519KeyPair pair;
        try {
          pair = SecretUri.parse(dev.uri());
        } catch (KinitroException e) {
          // The parser's message may quote the URI; the URI may hold a mnemonic. Say only what is safe.
          throw new KinitroException(e.code(), "the secret URI given with --uri (or wallet.uri) is not valid: "
              + e.code().summary());
        }
        yield new MinerHotkey(pair, Ss58.encode(pair.publicKey()), dev.describe());
      }
      case HotkeySpec.WalletFiles files -> {
        KeyfileContents contents = Wallets.readHotkey(files.locator(), passwords);
        Sr25519KeyPair pair = WalletKeys.keyPair(contents);
        yield new MinerHotkey(pair, Ss58.encode(pair.publicKey()), files.describe());
      }
    };
  }

  /**
   * The password source for the command line: {@value #PASSWORD_ENV} from {@code environment} if
   * set, else a prompt on {@code console} when there is one, else none.
   */
  public static PasswordSource passwords(Map<String, String> environment, Console console) {
    String fromEnv = environment.get(PASSWORD_ENV);
    if (fromEnv != null) {
      char[] chars = fromEnv.toCharArray();
      return keyfile -> chars.clone();
    }
    if (console != null) {
      return keyfile -> console.readPassword("Password for %s: ", keyfile);
    }
    return keyfile -> null;
  }
}
