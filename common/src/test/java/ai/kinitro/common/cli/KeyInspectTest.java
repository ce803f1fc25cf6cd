package ai.kinitro.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.wallet.KeyfileContents;
import ai.kinitro.common.wallet.KeyfileWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyInspectTest {
  private static final String DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
  private static final String ALICE_SS58 = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  private static final String ALICE_HEX = "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = KinitroCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aMnemonicWithAHardPathPrintsAlicesAddressAndPublicKey() {
    Run run = run("key", "inspect", DEV_PHRASE + "//Alice");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("\"ss58Address\" : \"" + ALICE_SS58 + "\"").contains("\"publicKey\" : \"" + ALICE_HEX + "\"");
  }

  @Test
  void aBarePathUsesTheDevPhrase() {
    Run run = run("key", "inspect", "//Bob");
    assertThat(run.out()).contains("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty");
  }

  @Test
  void anSs58AddressIsDecodedToItsPublicKey() {
    Run run = run("key", "inspect", ALICE_SS58);
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains(ALICE_HEX).contains("\"source\" : \"ss58-address\"");
  }

  @Test
  void anotherSs58FormatChangesOnlyTheAddress() {
    Run run = run("key", "inspect", "--ss58-format", "0", "//Alice");
    assertThat(run.out()).contains(ALICE_HEX).doesNotContain(ALICE_SS58).contains("\"ss58Format\" : 0");
  }

  @Test
  void aPlainWalletFileIsReadAndNoSecretIsPrinted(@TempDir Path dir) {
    Path hotkey = dir.resolve("default");
    var alice = SecretUri.parse("//Alice");
    KeyfileWriter.writePlain(hotkey,
        new KeyfileContents(alice.publicKey(), alice.privateKey(), null, null, ALICE_SS58), false);

    Run run = run("key", "inspect", hotkey.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains(ALICE_SS58).contains("\"source\" : \"wallet-file\"").contains("\"hasSecret\" : true");
    String privateHex = java.util.HexFormat.of().formatHex(alice.privateKey());
    assertThat(run.out()).doesNotContain(privateHex.substring(0, 32));
  }

  @Test
  void anEncryptedWalletWithoutATerminalAsksForPasswordEnv(@TempDir Path dir) {
    Path coldkey = dir.resolve("coldkey");
    KeyfileWriter.writeEncryptedWithKey(coldkey, new KeyfileContents(null, null, DEV_PHRASE, null, null), new byte[32], false);

    Run run = run("key", "inspect", coldkey.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--password-env");
  }

  @Test
  void aBadMnemonicIsAUserErrorThatDoesNotEchoTheInput() {
    String typo = DEV_PHRASE.replace("walk", "walks");
    Run run = run("key", "inspect", typo);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("INVALID_KEY").doesNotContain("curtain").doesNotContain("walks");
    assertThat(run.out()).isEmpty();
  }
}
