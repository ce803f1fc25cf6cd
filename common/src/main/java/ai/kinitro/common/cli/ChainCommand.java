package ai.kinitro.common.cli;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.client.BlockRef;
import ai.kinitro.common.chain.client.ChainClient;
import ai.kinitro.common.chain.client.Commitment;
import ai.kinitro.common.chain.client.ChainWeights;
import ai.kinitro.common.chain.client.Metagraph;
import ai.kinitro.common.chain.client.Neuron;
import ai.kinitro.common.chain.client.SubnetParams;
import ai.kinitro.common.chain.client.SubstrateChainClient;
import ai.kinitro.common.chain.client.TxOptions;
import ai.kinitro.common.chain.client.TxResult;
import ai.kinitro.common.chain.client.WeightNormalizer;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Signer;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.wallet.WalletKeys;
import ai.kinitro.common.wallet.WalletLocator;
import ai.kinitro.common.wallet.Wallets;
import java.io.Console;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code kinitro chain ...}: read commitments and the metagraph, set weights (for operators). */
@Command(name = "chain", mixinStandardHelpOptions = true, description = "Read from and write to a Bittensor chain.",
    subcommands = {ChainCommand.Commitments.class, ChainCommand.MetagraphCmd.class, ChainCommand.WeightsCmd.class,
        ChainCommand.SetWeights.class})
final class ChainCommand {
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Options every chain command shares. */
  static final class Target {
    @Option(names = "--url", defaultValue = "ws://127.0.0.1:9944",
        description = "Node URL: ws(s):// or http(s):// (default: ${DEFAULT-VALUE}, the local dev chain).")
    URI url;

    @Option(names = "--netuid", required = true, description = "Subnet id.")
    int netuid;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;
  }

  static ChainClient connect(URI url) {
    return SubstrateChainClient.connect(url);
  }

  static void print(CommandSpec spec, boolean json, Object value, String text) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) : text);
  }

  @Command(name = "commitments", mixinStandardHelpOptions = true,
      description = "All current commitments of a subnet (deregistered hotkeys left out), read in one paged query.")
  static final class Commitments implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Override
    public Integer call() {
      try (ChainClient chain = connect(target.url)) {
        Map<AccountId, Commitment> all = chain.commitments(target.netuid, BlockRef.best());
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        all.values().stream().sorted(Comparator.comparingLong(Commitment::block)).forEach(c -> {
          String hotkey = Ss58.encode(c.hotkey().bytes());
          String payload = c.firstRawText().orElse("(" + c.fields().size() + " non-text fields)");
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("hotkey", hotkey);
          row.put("block", c.block());
          row.put("payload", payload);
          rows.add(row);
          text.append(String.format(Locale.ROOT, "%-48s block %-8d %s%n", hotkey, c.block(), payload));
        });
        print(spec, target.json, rows, rows.isEmpty() ? "No commitments on netuid " + target.netuid : text.toString().stripTrailing());
      }
      return 0;
    }
  }

  @Command(name = "metagraph", mixinStandardHelpOptions = true, description = "Neurons of a subnet and its weight-setting parameters.")
  static final class MetagraphCmd implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Override
    public Integer call() {
      try (ChainClient chain = connect(target.url)) {
        Metagraph graph = chain.metagraph(target.netuid, BlockRef.best());
        SubnetParams params = chain.subnetParams(target.netuid, BlockRef.best());
        List<Map<String, Object>> neurons = new ArrayList<>();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
            "netuid %d at block %d: tempo %d, weights rate limit %d, commit-reveal %s, version key %d, min weights %d%n",
            target.netuid, graph.block().number(), params.tempo(), params.weightsRateLimit(),
            params.commitRevealEnabled() ? "on" : "off", params.weightsVersionKey(), params.minAllowedWeights()));
        for (Neuron n : graph.neurons()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("uid", n.uid());
          row.put("hotkey", Ss58.encode(n.hotkey().bytes()));
          row.put("coldkey", Ss58.encode(n.coldkey().bytes()));
          row.put("validator_permit", n.validatorPermit());
          row.put("total_stake", n.totalStake());
          row.put("registration_block", n.registrationBlock());
          row.put("last_update", n.lastUpdate());
          neurons.add(row);
          text.append(String.format(Locale.ROOT, "uid %-4d %-48s %s stake %-14d registered %-8d last update %d%n",
              n.uid(), row.get("hotkey"), n.validatorPermit() ? "validator" : "         ", n.totalStake(),
              n.registrationBlock(), n.lastUpdate()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("netuid", target.netuid);
        json.put("block", graph.block().number());
        json.put("source", graph.source().toString());
        json.put("tempo", params.tempo());
        json.put("weights_rate_limit", params.weightsRateLimit());
        json.put("commit_reveal_enabled", params.commitRevealEnabled());
        json.put("weights_version_key", params.weightsVersionKey());
        json.put("neurons", neurons);
        print(spec, target.json, json, text.toString().stripTrailing());
      }
      return 0;
    }
  }

  @Command(name = "weights", mixinStandardHelpOptions = true,
      description = "The weights stored on a subnet: one row per uid that set weights, as (uid, u16 value) pairs.")
  static final class WeightsCmd implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Override
    public Integer call() {
      try (ChainClient chain = connect(target.url)) {
        ChainWeights weights = chain.weights(target.netuid, BlockRef.best());
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "netuid %d at block %d%n", target.netuid,
            weights.block().number()));
        weights.rows().forEach((uid, row) -> {
          Map<String, Object> json = new LinkedHashMap<>();
          json.put("uid", uid);
          Map<String, Integer> values = new LinkedHashMap<>();
          row.forEach(e -> values.put(Integer.toString(e.uid()), e.value()));
          json.put("weights", values);
          rows.add(json);
          text.append(String.format(Locale.ROOT, "uid %-4d -> %s%n", uid, row.stream()
              .map(e -> e.uid() + "=" + e.value()).collect(java.util.stream.Collectors.joining(" "))));
        });
        if (rows.isEmpty()) {
          text.append("No weights set on netuid ").append(target.netuid);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("netuid", target.netuid);
        json.put("block", weights.block().number());
        json.put("rows", rows);
        print(spec, target.json, json, text.toString().stripTrailing());
      }
      return 0;
    }
  }

  @Command(name = "set-weights", mixinStandardHelpOptions = true,
      description = {"Set weights on a subnet with a hotkey (plain set_weights; commit-reveal must be off).",
          "Weights are normalised the way the Bittensor SDK does: divided by the largest, scaled to 65535,",
          "rounded half to even, zeros dropped."})
  static final class SetWeights implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Target target;

    @ArgGroup(exclusive = true, multiplicity = "1")
    KeySource key;

    static final class KeySource {
      @Option(names = "--uri", description = "Secret URI of the hotkey, e.g. //Bob (dev keys).")
      String uri;

      @Option(names = "--wallet", description = "Bittensor wallet name (hotkey from --hotkey, default 'default').")
      String wallet;
    }

    @Option(names = "--hotkey", defaultValue = "default", description = "Hotkey name inside the wallet.")
    String hotkeyName;

    @Option(names = "--weights", required = true, split = ",", paramLabel = "UID=WEIGHT",
        description = "Weights per uid, e.g. 0=0.2,3=0.8.")
    List<String> weights;

    @Option(names = "--version-key", defaultValue = "0", description = "Weights version key.")
    long versionKey;

    @Override
    public Integer call() {
      int[] uids = new int[weights.size()];
      double[] values = new double[weights.size()];
      for (int i = 0; i < weights.size(); i++) {
        String[] parts = weights.get(i).split("=", 2);
        try {
          uids[i] = Integer.parseInt(parts[0].strip());
          values[i] = Double.parseDouble(parts[1].strip());
        } catch (RuntimeException e) {
          throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "'" + weights.get(i) + "' is not UID=WEIGHT");
        }
      }
      WeightNormalizer.NormalizedWeights normalized = WeightNormalizer.normalize(uids, values);
      Signer signer = signer();
      try (ChainClient chain = connect(target.url)) {
        TxResult result = chain.setWeights(signer, target.netuid, normalized.uids(), normalized.values(), versionKey,
            TxOptions.DEFAULT).orThrow();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hash", result.hash());
        json.put("status", result.status().toString());
        result.blockNumber().ifPresent(n -> json.put("block", n));
        json.put("uids", normalized.uids());
        json.put("values", normalized.values());
        print(spec, target.json, json, "Weights set in " + result.status() + " "
            + (result.blockNumber().isPresent() ? "block " + result.blockNumber().getAsLong() : "") + " (" + result.hash() + ")");
      }
      return 0;
    }

    private Signer signer() {
      if (key.uri != null) {
        return SecretUri.parse(key.uri);
      }
      WalletLocator locator = WalletLocator.fromSystemEnvironment().withWallet(key.wallet).withHotkey(hotkeyName);
      return WalletKeys.keyPair(Wallets.readHotkey(locator, keyfile -> {
        Console console = System.console();
        if (console == null || !console.isTerminal()) {
          throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "The hotkey file " + keyfile + " is encrypted and there is no terminal to ask for its password");
        }
        return console.readPassword("Password for %s: ", keyfile);
      }));
    }
  }
}
