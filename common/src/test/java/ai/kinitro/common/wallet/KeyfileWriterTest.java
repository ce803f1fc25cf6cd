package ai.kinitro.common.wallet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyfileWriterTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final KeyfileContents HOTKEY = Keyfile.parseJson(KeyfileTest.FULL_JSON.getBytes(UTF_8));

  @TempDir Path dir;

  @Test
  void aPlainKeyfileRoundTripsAndIsReadableOnlyByItsOwner() throws IOException {
    Path file = dir.resolve("wallets/w/hotkeys/default");

    KeyfileWriter.writePlain(file, HOTKEY, false);

    assertThat(Wallets.readKeyfile(file, PasswordSource.none())).isEqualTo(HOTKEY);
    assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
  }

  @Test
  void thePublicFileHoldsNoSecret() throws IOException {
    Path file = dir.resolve("coldkeypub.txt");

    KeyfileWriter.writePublic(file, HOTKEY, false);

    String text = Files.readString(file);
    assertThat(text).contains(KeyfileTest.DEV_PUB, KeyfileTest.DEV_ADDRESS).doesNotContain("bottom", "abab");
  }

  @Test
  void anExistingFileIsKeptUnlessOverwritingIsAsked() throws IOException {
    Path file = dir.resolve("hotkey");
    KeyfileContents other = KeyfileContents.publicOnly(new byte[32], null);
    KeyfileWriter.writePlain(file, HOTKEY, false);

    assertThatThrownBy(() -> KeyfileWriter.writePlain(file, other, false))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
    assertThat(Wallets.readKeyfile(file, PasswordSource.none())).isEqualTo(HOTKEY);

    KeyfileWriter.writePlain(file, other, true);
    assertThat(Wallets.readKeyfile(file, PasswordSource.none())).isEqualTo(other);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void anEncryptedKeyfileIsNaclAndDecryptsWithTheLibsodiumKeyOfItsPassword() throws IOException {
    // Goes through the real Argon2 once; the vector key is that of the vector password.
    Path file = dir.resolve("coldkey");

    KeyfileWriter.writeEncrypted(file, HOTKEY, NaclKeyfileCipherTest.PASSWORD.toCharArray(), false);

    byte[] data = Files.readAllBytes(file);
    assertThat(Keyfile.detect(data)).isEqualTo(Keyfile.Format.NACL);
    assertThat(Keyfile.parseJson(NaclKeyfileCipher.decrypt(data, NaclKeyfileCipherTest.vectorKey()))).isEqualTo(HOTKEY);
  }

  @Test
  void writingWithAPreDerivedKeyGivesAFileThatReadsBack() throws IOException {
    Path file = dir.resolve("coldkey");

    KeyfileWriter.writeEncryptedWithKey(file, HOTKEY, NaclKeyfileCipherTest.vectorKey(), false);

    KeyfileContents read = Wallets.readKeyfile(file, PasswordSource.of("any".toCharArray()),
        password -> NaclKeyfileCipherTest.vectorKey());
    assertThat(read).isEqualTo(HOTKEY);
    assertThat(new String(Files.readAllBytes(file), UTF_8)).doesNotContain("bottom");
    assertThat(HEX.formatHex(Files.readAllBytes(file))).doesNotContain(KeyfileTest.DEV_SEED);
  }
}
