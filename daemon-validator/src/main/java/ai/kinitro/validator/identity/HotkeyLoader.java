package ai.kinitro.validator.identity;

import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.wallet.PasswordSource;
import ai.kinitro.common.wallet.WalletKeys;
import ai.kinitro.common.wallet.WalletLocator;
import ai.kinitro.common.wallet.Wallets;
import ai.kinitro.validator.config.HotkeyProperties;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the hotkey: a secret URI when one is configured (development), else the wallet's hotkey
 * file (btwallet layout; settings override {@code BT_WALLET_*}, which override the defaults). An
 * encrypted hotkey is refused: a daemon has nobody to type the password.
 */
public final class HotkeyLoader {
  private static final Logger LOG = LoggerFactory.getLogger(HotkeyLoader.class);

  private HotkeyLoader() {}

  public static ValidatorIdentity load(HotkeyProperties settings, Map<String, String> environment, Path userHome) {
    if (settings.secretUri() != null) {
      ValidatorIdentity identity = ValidatorIdentity.of(SecretUri.parse(settings.secretUri()));
      LOG.warn("Using the development secret URI as hotkey ({}); use a wallet in production", identity.hotkey());
      return identity;
    }
    WalletLocator locator = WalletLocator.fromEnvironment(environment, userHome);
    if (settings.walletPath() != null) {
      locator = new WalletLocator(settings.walletPath(), locator.wallet(), locator.hotkey());
    }
    if (settings.walletName() != null) {
      locator = locator.withWallet(settings.walletName());
    }
    if (settings.hotkeyName() != null) {
      locator = locator.withHotkey(settings.hotkeyName());
    }
    try {
      ValidatorIdentity identity = ValidatorIdentity.of(WalletKeys.keyPair(Wallets.readHotkey(locator, PasswordSource.none())));
      LOG.info("Loaded hotkey {} from {}", identity.hotkey(), locator.hotkeyPath());
      return identity;
    } catch (KinitroException e) {
      throw new KinitroException(e.code() == ErrorCode.NOT_FOUND ? ErrorCode.VALIDATOR_CONFIG_INVALID : e.code(),
          "could not load the validator hotkey (wallet " + locator.wallet() + ", hotkey " + locator.hotkey() + " under "
              + locator.walletsDir() + "): " + e.getMessage()
              + "; set KINITRO_VALIDATOR_HOTKEY_WALLET_PATH / _WALLET_NAME / _HOTKEY_NAME", e);
    }
  }
}
