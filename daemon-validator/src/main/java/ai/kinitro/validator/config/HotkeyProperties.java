package ai.kinitro.validator.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the validator's hotkey comes from ({@code kinitro.validator.hotkey.*}): a Bittensor wallet
 * (btwallet layout) or, for development only, a secret URI such as {@code //Alice}.
 *
 * @param walletPath the wallets directory; unset = {@code BT_WALLET_PATH} or {@code ~/.bittensor/wallets}
 * @param walletName the wallet; unset = {@code BT_WALLET_NAME} or {@code default}
 * @param hotkeyName the hotkey in that wallet; unset = {@code BT_WALLET_HOTKEY} or {@code default}
 * @param secretUri development key instead of a wallet (never logged)
 */
@ConfigurationProperties("kinitro.validator.hotkey")
public record HotkeyProperties(Path walletPath, String walletName, String hotkeyName, String secretUri) {
  public HotkeyProperties {
    walletName = walletName == null || walletName.isBlank() ? null : walletName.strip();
    hotkeyName = hotkeyName == null || hotkeyName.isBlank() ? null : hotkeyName.strip();
    secretUri = secretUri == null || secretUri.isBlank() ? null : secretUri.strip();
  }

  @Override
  public String toString() {
    return "HotkeyProperties[walletPath=" + walletPath + ", walletName=" + walletName + ", hotkeyName=" + hotkeyName
        + ", secretUri=" + (secretUri == null ? "<unset>" : "<redacted>") + "]";
  }
}
