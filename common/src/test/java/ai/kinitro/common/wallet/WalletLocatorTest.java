package ai.kinitro.common.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletLocatorTest {
  private static final Path HOME = Path.of("/home/miner");

  @Test
  void withoutOverridesUsesBtwalletDefaults() {
    WalletLocator locator = WalletLocator.fromEnvironment(Map.of(), HOME);

    assertThat(locator).isEqualTo(new WalletLocator(Path.of("/home/miner/.bittensor/wallets"), "default", "default"));
    assertThat(locator.coldkeyPath()).isEqualTo(Path.of("/home/miner/.bittensor/wallets/default/coldkey"));
    assertThat(locator.coldkeyPubPath()).isEqualTo(Path.of("/home/miner/.bittensor/wallets/default/coldkeypub.txt"));
    assertThat(locator.hotkeyPath()).isEqualTo(Path.of("/home/miner/.bittensor/wallets/default/hotkeys/default"));
    assertThat(locator.hotkeyPubPath())
        .isEqualTo(Path.of("/home/miner/.bittensor/wallets/default/hotkeys/defaultpub.txt"));
  }

  @Test
  void environmentVariablesOverrideNameHotkeyAndPathWithTildeExpansion() {
    Map<String, String> env = Map.of("BT_WALLET_NAME", "miner1", "BT_WALLET_HOTKEY", "hk2", "BT_WALLET_PATH", "~/keys");

    WalletLocator locator = WalletLocator.fromEnvironment(env, HOME);

    assertThat(locator).isEqualTo(new WalletLocator(Path.of("/home/miner/keys"), "miner1", "hk2"));
    assertThat(locator.hotkeyPath()).isEqualTo(Path.of("/home/miner/keys/miner1/hotkeys/hk2"));
  }

  @Test
  void blankOverridesAreIgnored() {
    Map<String, String> env = Map.of("BT_WALLET_NAME", "  ", "BT_WALLET_PATH", "");

    assertThat(WalletLocator.fromEnvironment(env, HOME))
        .isEqualTo(new WalletLocator(Path.of("/home/miner/.bittensor/wallets"), "default", "default"));
  }

  @Test
  void namesThatWouldLeaveTheWalletDirectoryAreRefused() {
    WalletLocator locator = WalletLocator.fromEnvironment(Map.of(), HOME);

    for (String bad : new String[] {"..", ".", "a/b", "a\\b", " "}) {
      assertThatThrownBy(() -> locator.withHotkey(bad))
          .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
  }

  @Test
  void aMissingKeyfileIsNotFoundAndTheMessageNamesThePath(@TempDir Path dir) {
    WalletLocator locator = new WalletLocator(dir, "w", "h");

    assertThatThrownBy(() -> locator.requireExisting(locator.hotkeyPath()))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessageContaining(locator.hotkeyPath().toString());
  }
}
