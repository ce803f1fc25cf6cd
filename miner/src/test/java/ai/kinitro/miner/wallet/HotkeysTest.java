package ai.kinitro.miner.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.wallet.KeyfileContents;
import ai.kinitro.common.wallet.KeyfileWriter;
import ai.kinitro.common.wallet.PasswordSource;
import ai.kinitro.common.wallet.WalletKeys;
import ai.kinitro.common.wallet.WalletLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotkeysTest {
  /** Substrate's //Dave, the dev chain's first miner. */
  private static final String DAVE = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";
  private static final byte[] SEED = new byte[32];
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir static Path wallets;
  private static String expected;

  @BeforeAll
  static void writeWallet() {
    for (int i = 0; i < 32; i++) {
      SEED[i] = (byte) (i * 7 + 3);
    }
    KeyfileContents contents = new KeyfileContents(null, null, null, SEED, null);
    expected = Ss58.encode(WalletKeys.keyPair(contents).publicKey());
    KeyfileWriter.writePlain(wallets.resolve("plain/hotkeys/default"), contents, false);
    KeyfileWriter.writeEncrypted(wallets.resolve("locked/hotkeys/default"), contents, PASSWORD.toCharArray(), false);
  }

  private static HotkeySpec wallet(String name) {
    return new HotkeySpec.WalletFiles(new WalletLocator(wallets, name, "default"));
  }

  @Test
  void aDevUriGivesTheDevKeyAndSaysWhichOne() {
    MinerHotkey key = Hotkeys.load(new HotkeySpec.DevUri("//Dave"), PasswordSource.none());

    assertThat(key.ss58()).isEqualTo(DAVE);
    assertThat(key.source()).isEqualTo("development key //Dave");
    assertThat(key.toString()).isEqualTo("MinerHotkey[" + DAVE + " from development key //Dave]");
  }

  @Test
  void aSecretUriWithAMnemonicIsNeverShown() {
    String uri = SecretUri.DEV_PHRASE + "//miner";
    HotkeySpec spec = new HotkeySpec.DevUri(uri);

    MinerHotkey key = Hotkeys.load(spec, PasswordSource.none());

    assertThat(key.source()).isEqualTo("secret URI (hidden)");
    assertThat(spec.toString()).doesNotContain("bottom");
    assertThat(key.toString()).doesNotContain("bottom");
  }

  @Test
  void aBadSecretUriIsRefusedWithoutQuotingIt() {
    assertThatThrownBy(() -> Hotkeys.load(new HotkeySpec.DevUri("word1 word2 secretword3//x"), PasswordSource.none()))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.getMessage()).doesNotContain("secretword3"));
  }

  @Test
  void aPlainHotkeyFileNeedsNoPassword() {
    MinerHotkey key = Hotkeys.load(wallet("plain"), path -> {
      throw new AssertionError("no password should be asked");
    });

    assertThat(key.ss58()).isEqualTo(expected);
    assertThat(key.source()).startsWith("wallet 'plain' hotkey 'default'");
  }

  @Test
  void anEncryptedHotkeyOpensWithThePasswordFromTheEnvironment() {
    PasswordSource passwords = Hotkeys.passwords(Map.of(Hotkeys.PASSWORD_ENV, PASSWORD), null);

    assertThat(Hotkeys.load(wallet("locked"), passwords).ss58()).isEqualTo(expected);
  }

  @Test
  void aWrongPasswordIsWrongPassword() {
    PasswordSource passwords = Hotkeys.passwords(Map.of(Hotkeys.PASSWORD_ENV, "not it"), null);

    assertThatThrownBy(() -> Hotkeys.load(wallet("locked"), passwords))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.WRONG_PASSWORD);
          assertThat(e.getMessage()).contains(wallets.resolve("locked/hotkeys/default").toString()).doesNotContain("not it");
        });
  }

  @Test
  void withoutTerminalOrVariableAnEncryptedHotkeyCannotBeOpened() {
    assertThatThrownBy(() -> Hotkeys.load(wallet("locked"), Hotkeys.passwords(Map.of(), null)))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.WRONG_PASSWORD);
          assertThat(e.getMessage()).contains("no password was given");
        });
  }

  @Test
  void aMissingWalletNamesThePathAndTheSettings() throws IOException {
    assertThat(Files.exists(wallets.resolve("absent"))).isFalse();

    assertThatThrownBy(() -> Hotkeys.load(wallet("absent"), PasswordSource.none()))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
          assertThat(e.getMessage()).contains(wallets.resolve("absent/hotkeys/default").toString());
        });
  }
}
