package ai.kinitro.miner.config;

import java.util.Optional;

/**
 * Settings as one source gives them (the {@code miner.toml} file, flags, a desktop form): every
 * field is optional. {@link #overriddenBy} layers sources; {@link MinerConfig#resolve} fills the
 * gaps with the network's defaults.
 *
 * @param network {@code local} (the default: a platform on this machine and the dev chain),
 *     {@code testnet} or {@code finney}
 * @param backendUrl the Kinitro backend, e.g. {@code http://127.0.0.1:8080}
 * @param chainUrl the subtensor node, e.g. {@code ws://127.0.0.1:9944}
 * @param netuid the subnet
 * @param competitionId the competition to evaluate against and submit to
 * @param walletName bittensor wallet (coldkey folder) name
 * @param walletHotkey hotkey name inside the wallet
 * @param walletPath folder holding the wallets ({@code ~/.bittensor/wallets} by default)
 * @param uri a secret URI used instead of wallet files, for development keys such as {@code //Dave}
 * @param agentDir the agent project folder
 */
public record MinerSettings(
    Optional<String> network,
    Optional<String> backendUrl,
    Optional<String> chainUrl,
    Optional<Integer> netuid,
    Optional<String> competitionId,
    Optional<String> walletName,
    Optional<String> walletHotkey,
    Optional<String> walletPath,
    Optional<String> uri,
    Optional<String> agentDir) {
  public static final MinerSettings EMPTY = new MinerSettings(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty());

  public MinerSettings {
    network = blankToEmpty(network);
    backendUrl = blankToEmpty(backendUrl);
    chainUrl = blankToEmpty(chainUrl);
    netuid = netuid == null ? Optional.empty() : netuid;
    competitionId = blankToEmpty(competitionId);
    walletName = blankToEmpty(walletName);
    walletHotkey = blankToEmpty(walletHotkey);
    walletPath = blankToEmpty(walletPath);
    uri = blankToEmpty(uri);
    agentDir = blankToEmpty(agentDir);
  }

  /** These settings with every field {@code other} sets replaced by its value. */
  public MinerSettings overriddenBy(MinerSettings other) {
    return new MinerSettings(
        other.network.or(() -> network),
        other.backendUrl.or(() -> backendUrl),
        other.chainUrl.or(() -> chainUrl),
        other.netuid.or(() -> netuid),
        other.competitionId.or(() -> competitionId),
        other.walletName.or(() -> walletName),
        other.walletHotkey.or(() -> walletHotkey),
        other.walletPath.or(() -> walletPath),
        // A dev URI and wallet files are alternatives: choosing a wallet in a later source drops an earlier URI.
        other.uri.isPresent() ? other.uri
            : other.walletName.isPresent() || other.walletHotkey.isPresent() || other.walletPath.isPresent()
                ? Optional.empty() : uri,
        other.agentDir.or(() -> agentDir));
  }

  public MinerSettings withNetwork(String value) {
    return new MinerSettings(Optional.ofNullable(value), backendUrl, chainUrl, netuid, competitionId, walletName,
        walletHotkey, walletPath, uri, agentDir);
  }

  public MinerSettings withBackendUrl(String value) {
    return new MinerSettings(network, Optional.ofNullable(value), chainUrl, netuid, competitionId, walletName,
        walletHotkey, walletPath, uri, agentDir);
  }

  public MinerSettings withChainUrl(String value) {
    return new MinerSettings(network, backendUrl, Optional.ofNullable(value), netuid, competitionId, walletName,
        walletHotkey, walletPath, uri, agentDir);
  }

  public MinerSettings withNetuid(Integer value) {
    return new MinerSettings(network, backendUrl, chainUrl, Optional.ofNullable(value), competitionId, walletName,
        walletHotkey, walletPath, uri, agentDir);
  }

  public MinerSettings withCompetitionId(String value) {
    return new MinerSettings(network, backendUrl, chainUrl, netuid, Optional.ofNullable(value), walletName,
        walletHotkey, walletPath, uri, agentDir);
  }

  public MinerSettings withWallet(String name, String hotkey, String path) {
    return new MinerSettings(network, backendUrl, chainUrl, netuid, competitionId, Optional.ofNullable(name),
        Optional.ofNullable(hotkey), Optional.ofNullable(path), uri, agentDir);
  }

  public MinerSettings withUri(String value) {
    return new MinerSettings(network, backendUrl, chainUrl, netuid, competitionId, walletName, walletHotkey,
        walletPath, Optional.ofNullable(value), agentDir);
  }

  public MinerSettings withAgentDir(String value) {
    return new MinerSettings(network, backendUrl, chainUrl, netuid, competitionId, walletName, walletHotkey,
        walletPath, uri, Optional.ofNullable(value));
  }

  private static Optional<String> blankToEmpty(Optional<String> value) {
    return value == null ? Optional.empty() : value.map(String::strip).filter(s -> !s.isEmpty());
  }

  /** Never shows the secret URI itself. */
  @Override
  public String toString() {
    return "MinerSettings[network=" + network + ", backendUrl=" + backendUrl + ", chainUrl=" + chainUrl + ", netuid="
        + netuid + ", competitionId=" + competitionId + ", walletName=" + walletName + ", walletHotkey=" + walletHotkey
        + ", walletPath=" + walletPath + ", uri=" + uri.map(u -> "(hidden)") + ", agentDir=" + agentDir + "]";
  }
}
