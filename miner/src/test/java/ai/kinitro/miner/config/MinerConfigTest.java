package ai.kinitro.miner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.wallet.WalletLocator;
import ai.kinitro.miner.wallet.HotkeySpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MinerConfigTest {
  private static final Path HOME = Path.of("/home/miner");
  private static final Path CWD = Path.of("/work/agent");
  private static final String FULL = """
      network = "testnet"
      backend_url = "https://api.example.org"
      chain_url = "wss://test.finney.opentensor.ai:443"
      netuid = 12
      competition_id = "7312840000000000001"
      agent_dir = "policy-agent"

      [wallet]
      name = "miner"
      hotkey = "hk1"
      path = "~/wallets"
      """;

  private static MinerConfig resolve(MinerSettings s) {
    return MinerConfig.resolve(s, Map.of(), HOME, CWD);
  }

  @Test
  void everySettingOfTheFileIsRead() {
    MinerSettings s = MinerConfigFile.parse(FULL, Path.of("/etc/kinitro"), "miner.toml");

    assertThat(resolve(s)).isEqualTo(new MinerConfig("testnet", URI.create("https://api.example.org"),
        URI.create("wss://test.finney.opentensor.ai:443"), Optional.of(12), Optional.of("7312840000000000001"),
        new HotkeySpec.WalletFiles(new WalletLocator(HOME.resolve("wallets"), "miner", "hk1")),
        Path.of("/etc/kinitro/policy-agent")));
  }

  @Test
  void flagsOverrideTheFileAndADevUriReplacesTheWallet() {
    MinerSettings file = MinerConfigFile.parse(FULL, Path.of("/etc/kinitro"), "miner.toml");
    MinerSettings flags = MinerSettings.EMPTY.withNetuid(3).withUri("//Eve").withBackendUrl("http://127.0.0.1:9000");

    MinerConfig c = resolve(file.overriddenBy(flags));

    assertThat(c.netuid()).contains(3);
    assertThat(c.backendUrl()).isEqualTo(URI.create("http://127.0.0.1:9000"));
    assertThat(c.hotkey()).isEqualTo(new HotkeySpec.DevUri("//Eve"));
    assertThat(c.competitionId()).contains("7312840000000000001");
  }

  @Test
  void aWalletFlagDropsADevUriFromTheFile() {
    MinerSettings file = MinerConfigFile.parse("[wallet]\nuri = \"//Dave\"\n", CWD, "miner.toml");

    MinerConfig c = resolve(file.overriddenBy(MinerSettings.EMPTY.withWallet("real", null, null)));

    assertThat(c.hotkey()).isEqualTo(new HotkeySpec.WalletFiles(
        new WalletLocator(HOME.resolve(".bittensor/wallets"), "real", "default")));
  }

  @Test
  void localModeDefaultsToThePlatformAndTheDevChainOnThisMachine() {
    MinerConfig c = resolve(MinerSettings.EMPTY);

    assertThat(c.local()).isTrue();
    assertThat(c.backendUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(c.chainUrl()).isEqualTo(URI.create("ws://127.0.0.1:9944"));
    assertThat(c.requireNetuid()).isEqualTo(1);
    assertThat(c.agentDir()).isEqualTo(CWD);
  }

  @Test
  void theBittensorEnvironmentVariablesChooseTheWalletWhenNothingElseDoes() {
    MinerConfig c = MinerConfig.resolve(MinerSettings.EMPTY,
        Map.of("BT_WALLET_NAME", "w", "BT_WALLET_HOTKEY", "h", "BT_WALLET_PATH", "/srv/wallets"), HOME, CWD);

    assertThat(c.hotkey()).isEqualTo(new HotkeySpec.WalletFiles(new WalletLocator(Path.of("/srv/wallets"), "w", "h")));
  }

  @Test
  void finneyNeedsABackendUrl() {
    assertThatThrownBy(() -> resolve(MinerSettings.EMPTY.withNetwork("finney")))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MINER_CONFIG_INVALID);
          assertThat(e.getMessage()).isEqualTo("backend_url is required on finney: set it in miner.toml or pass --backend");
        });
  }

  @Test
  void aMissingCompetitionSaysWhereToFindOne() {
    assertThatThrownBy(() -> resolve(MinerSettings.EMPTY).requireCompetition())
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MINER_CONFIG_INVALID);
          assertThat(e.getMessage()).contains("http://127.0.0.1:8080/competitions?active_only=true");
        });
  }

  @Test
  void anUnknownKeyIsATypoNotADefault() {
    assertThatThrownBy(() -> MinerConfigFile.parse("netuid = 1\nbackend = \"http://x\"\n", CWD, "miner.toml"))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MINER_CONFIG_INVALID);
          assertThat(e.getMessage()).startsWith("miner.toml: unknown setting(s) [backend]; allowed: ");
        });
  }

  @Test
  void aPasswordInTheFileIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> MinerConfigFile.parse("[wallet]\npassword = \"hunter2\"\n", CWD, "miner.toml"))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MINER_CONFIG_INVALID);
          assertThat(e.getMessage()).contains("secrets do not belong").doesNotContain("hunter2");
        });
  }

  @Test
  void aUrlWithTheWrongSchemeIsRefused() {
    assertThatThrownBy(() -> resolve(MinerSettings.EMPTY.withChainUrl("ftp://node")))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.getMessage())
            .isEqualTo("chain_url must be an absolute ws/wss/http/https URL, got 'ftp://node'"));
  }

  @Test
  void theInitTemplateParsesToTheLocalDevKeySetup() {
    MinerSettings s = MinerConfigFile.parse(MinerConfigFile.template("7312840000000000001", "."), CWD, "miner.toml");

    MinerConfig c = resolve(s);

    assertThat(c.hotkey()).isEqualTo(new HotkeySpec.DevUri("//Dave"));
    assertThat(c.competitionId()).contains("7312840000000000001");
    assertThat(c.agentDir()).isEqualTo(CWD);
  }

  @Test
  void settingsNeverPrintTheUri() {
    assertThat(MinerSettings.EMPTY.withUri("bottom drive obey//x").toString()).doesNotContain("bottom").contains("(hidden)");
  }
}
