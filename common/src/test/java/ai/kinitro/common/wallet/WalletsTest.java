package ai.kinitro.common.wallet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uses a stand-in key derivation (the vector password maps to the vector key) so each test does
 * not pay for Argon2; one test goes through the real derivation end to end.
 */
class WalletsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final KeyfileContents DEV_PHRASE_ONLY =
      new KeyfileContents(null, null, KeyfileTest.DEV_PHRASE, null, null);

  @TempDir Path dir;

  /** The key handed out by the fake derivation, so tests can check it was wiped. */
  private final List<byte[]> derivedKeys = new ArrayList<>();

  private final Function<char[], byte[]> fakeDerivation = password -> {
    byte[] key = String.valueOf(password).equals(NaclKeyfileCipherTest.PASSWORD)
        ? NaclKeyfileCipherTest.vectorKey()
        : new byte[32];
    derivedKeys.add(key);
    return key;
  };

  @Test
  void readsAPlainKeyfileWithoutAskingForAPassword() throws IOException {
    Path file = write("hotkey", KeyfileTest.FULL_JSON.getBytes(UTF_8));

    KeyfileContents contents = Wallets.readKeyfile(file, keyfile -> {
      throw new AssertionError("asked for a password for a plain file");
    });

    assertThat(contents).isEqualTo(Keyfile.parseJson(KeyfileTest.FULL_JSON.getBytes(UTF_8)));
  }

  @Test
  void decryptsANaclKeyfileWithThePasswordFromTheSourceAndWipesPasswordAndKey() throws IOException {
    Path file = write("coldkey", HEX.parseHex(NaclKeyfileCipherTest.FILE_HEX));
    List<Path> askedFor = new ArrayList<>();
    char[] given = NaclKeyfileCipherTest.PASSWORD.toCharArray();

    KeyfileContents contents = Wallets.readKeyfile(file, keyfile -> {
      askedFor.add(keyfile);
      return given;
    }, fakeDerivation);

    assertThat(contents).isEqualTo(DEV_PHRASE_ONLY);
    assertThat(askedFor).containsExactly(file);
    assertThat(given).containsOnly('\0');
    assertThat(derivedKeys).singleElement().satisfies(key -> assertThat(key).containsOnly((byte) 0));
  }

  @Test
  void aWrongPasswordIsReportedWithThePathAndStillWiped() throws IOException {
    Path file = write("coldkey", HEX.parseHex(NaclKeyfileCipherTest.FILE_HEX));
    char[] given = "not-it".toCharArray();

    assertThatThrownBy(() -> Wallets.readKeyfile(file, keyfile -> given, fakeDerivation))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WRONG_PASSWORD))
        .hasMessageContaining(file.toString());
    assertThat(given).containsOnly('\0');
  }

  @Test
  void noPasswordForAnEncryptedFileIsAWrongPassword() throws IOException {
    Path file = write("coldkey", HEX.parseHex(NaclKeyfileCipherTest.FILE_HEX));

    assertThatThrownBy(() -> Wallets.readKeyfile(file, PasswordSource.none(), fakeDerivation))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WRONG_PASSWORD))
        .hasMessageContaining("no password");
  }

  @Test
  void theRealKeyDerivationDecryptsTheLibsodiumFile() throws IOException {
    Path file = write("coldkey", HEX.parseHex(NaclKeyfileCipherTest.FILE_HEX));

    KeyfileContents contents =
        Wallets.readKeyfile(file, PasswordSource.of(NaclKeyfileCipherTest.PASSWORD.toCharArray()));

    assertThat(contents).isEqualTo(DEV_PHRASE_ONLY);
  }

  @Test
  void aFernetFileIsRefusedBeforeAnyPasswordIsAsked() throws IOException {
    Path file = write("coldkey", "gAAAAABhZ2V0aGVyX2xlZ2FjeQ==".getBytes(UTF_8));

    assertThatThrownBy(() -> Wallets.readKeyfile(file, keyfile -> {
      throw new AssertionError("asked for a password for a legacy file");
    }))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_WALLET_FORMAT))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("btcli");
  }

  @Test
  void anAnsibleVaultFileIsRefused() throws IOException {
    Path file = write("coldkey", "$ANSIBLE_VAULT;1.1;AES256\n3036".getBytes(UTF_8));

    assertThatThrownBy(() -> Wallets.readKeyfile(file, PasswordSource.none()))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_WALLET_FORMAT))
        .hasMessageContaining("ansible-vault");
  }

  @Test
  void aMissingFileIsNotFoundWithThePath() {
    Path file = dir.resolve("nope");

    assertThatThrownBy(() -> Wallets.readKeyfile(file, PasswordSource.none()))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessageContaining(file.toString());
  }

  @Test
  void anOversizedFileIsNotAKeyfile() throws IOException {
    byte[] big = new byte[Wallets.MAX_KEYFILE_BYTES + 1];
    Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    Path file = write("big", big);

    assertThatThrownBy(() -> Wallets.readKeyfile(file, PasswordSource.none()))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_WALLET_FORMAT));
  }

  @Test
  void readsTheColdkeyPubAndHotkeyOfALocatedWallet() throws IOException {
    WalletLocator locator = new WalletLocator(dir, "miner", "hk");
    KeyfileContents pub = KeyfileContents.publicOnly(HEX.parseHex(KeyfileTest.DEV_PUB), KeyfileTest.DEV_ADDRESS);
    KeyfileContents hot = Keyfile.parseJson(KeyfileTest.FULL_JSON.getBytes(UTF_8));
    KeyfileWriter.writePublic(locator.coldkeyPubPath(), hot, false);
    KeyfileWriter.writePlain(locator.hotkeyPath(), hot, false);

    assertThat(Wallets.readColdkeyPub(locator)).isEqualTo(pub);
    assertThat(Wallets.readHotkey(locator, PasswordSource.none())).isEqualTo(hot);
    assertThatThrownBy(() -> Wallets.readHotkeyPub(locator))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessageContaining(locator.hotkeyPubPath().toString());
  }

  private Path write(String name, byte[] data) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, data);
    return file;
  }
}
