package ai.kinitro.miner.cli;

import ai.kinitro.miner.config.MinerConfig;
import ai.kinitro.miner.config.MinerConfigFile;
import ai.kinitro.miner.config.MinerSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command shares: the configuration file, flags that override it, and --json. */
final class SharedOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: ./miner.toml when it exists).")
  Path config;

  @Option(names = "--network", paramLabel = "NAME", description = "local (default), testnet or finney.")
  String network;

  @Option(names = "--backend", paramLabel = "URL", description = "Kinitro backend URL (local: http://127.0.0.1:8080).")
  String backend;

  @Option(names = "--chain", paramLabel = "URL", description = "Chain node URL (local: ws://127.0.0.1:9944, the dev chain).")
  String chain;

  @Option(names = "--netuid", paramLabel = "N", description = "Subnet id (local: 1).")
  Integer netuid;

  @Option(names = "--competition", paramLabel = "ID", description = "Competition id.")
  String competition;

  @Option(names = "--wallet-name", paramLabel = "NAME", description = "Bittensor wallet name (BT_WALLET_NAME).")
  String walletName;

  @Option(names = "--wallet-hotkey", paramLabel = "NAME", description = "Hotkey name in the wallet (BT_WALLET_HOTKEY).")
  String walletHotkey;

  @Option(names = "--wallet-path", paramLabel = "DIR", description = "Wallets folder (BT_WALLET_PATH; default ~/.bittensor/wallets).")
  String walletPath;

  @Option(names = "--uri", paramLabel = "URI", description = "Development key instead of wallet files, e.g. //Dave (dev chain only).")
  String uri;

  @Option(names = "--dir", paramLabel = "DIR", description = "Agent project folder (default: agent_dir, else the current folder).")
  String dir;

  @Option(names = "--json", description = "Print one JSON document instead of text (progress stays on standard error).")
  boolean json;

  /** The layered settings: defaults, then the file, then these flags. */
  MinerConfig resolve(CliContext ctx) {
    MinerSettings file = config != null ? MinerConfigFile.read(ctx.cwd().resolve(config))
        : MinerConfigFile.readIfPresent(ctx.cwd().resolve(MinerConfigFile.FILE_NAME));
    MinerSettings flags = MinerSettings.EMPTY.withNetwork(network).withBackendUrl(backend).withChainUrl(chain)
        .withNetuid(netuid).withCompetitionId(competition).withWallet(walletName, walletHotkey, walletPath).withUri(uri)
        .withAgentDir(dir == null ? null : ctx.cwd().resolve(dir).toString());
    return MinerConfig.resolve(file.overriddenBy(flags), ctx.environment(), ctx.userHome(), ctx.cwd());
  }
}
