package ai.kinitro.devchain.cli;

import ai.kinitro.common.cli.DurationText;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.devchain.DevChain;
import ai.kinitro.devchain.DevChainConfig;
import ai.kinitro.devchain.genesis.Genesis;
import ai.kinitro.devchain.genesis.GenesisNeuron;
import ai.kinitro.devchain.genesis.GenesisParser;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code kinitro chain devnet}: runs the local dev chain until Ctrl-C. */
@Command(name = "kinitro chain", mixinStandardHelpOptions = true, subcommands = DevChainMain.Devnet.class,
    description = "Chain tools. 'devnet' runs the local dev chain.")
public final class DevChainMain implements Runnable {
  /** Where the chain is kept when --data is not given (relative to the working directory). */
  public static final Path DEFAULT_DATA_DIRECTORY = Path.of(".kinitro", "devchain");

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    quietLibraries();
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new DevChainMain());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      if (e instanceof KinitroException k) {
        err.println("error " + k.code().number() + " (" + k.code() + "): " + k.getMessage());
        return 2;
      }
      throw e;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static void quietLibraries() {
    System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
  }

  /** {@code devnet}: start the dev chain and keep it running. */
  @Command(name = "devnet", mixinStandardHelpOptions = true,
      description = "Run the local dev chain: substrate JSON-RPC over WebSocket and HTTP on one port.")
  static final class Devnet implements Callable<Integer> {
    @Option(names = "--genesis", paramLabel = "FILE",
        description = "Genesis JSON (schema in docs/devchain.md). Default: the bundled genesis.")
    Optional<Path> genesisFile;

    @Option(names = "--port", paramLabel = "N", description = "RPC port (default: ${DEFAULT-VALUE}).",
        defaultValue = "" + DevChainConfig.DEFAULT_PORT)
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}).",
        defaultValue = DevChainConfig.DEFAULT_HOST)
    String host;

    @Option(names = "--data", paramLabel = "DIR",
        description = "Directory the chain is kept in across restarts (default: .kinitro/devchain).")
    Optional<Path> data;

    @Option(names = "--ephemeral", description = "Keep the chain in memory only; it starts from genesis every time.")
    boolean ephemeral;

    @Option(names = "--block-time", paramLabel = "DURATION",
        description = "Block interval such as 12s or 250ms (at least 250ms). Default: the genesis' blockTime, else 12s.")
    Optional<String> blockTime;

    @Option(names = "--manual", description = "Produce blocks only through the dev_advanceBlocks RPC.")
    boolean manual;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
      PrintWriter out = spec.commandLine().getOut();
      Genesis genesis = genesisFile.map(GenesisParser::load).orElseGet(GenesisParser::defaultGenesis);
      Duration interval = blockTime.map(t -> DurationText.parse(t, ErrorCode.DEVCHAIN_CONFIG_INVALID))
          .or(genesis::blockTime).orElse(DevChainConfig.DEFAULT_BLOCK_TIME);
      DevChainConfig config = new DevChainConfig(genesis, host, port,
          ephemeral ? Optional.empty() : Optional.of(data.orElse(DEFAULT_DATA_DIRECTORY)),
          manual ? Optional.empty() : Optional.of(interval));

      DevChain chain = DevChain.start(config);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("devchain-shutdown").unstarted(() -> {
        chain.close();
        stopped.countDown();
      }));
      printBanner(out, chain, config);
      out.flush();
      stopped.await();
      return 0;
    }

    private static void printBanner(PrintWriter out, DevChain chain, DevChainConfig config) {
      Genesis g = config.genesis();
      out.println(g.chainName() + " (node-subtensor spec 425, tx version 1), subnet netuid " + g.netuid());
      out.println("  WebSocket: " + chain.url());
      out.println("  HTTP:      " + chain.httpUrl());
      out.println("  genesis:   " + chain.genesisHash());
      out.println("  blocks:    " + config.blockTime().map(d -> "every " + DurationText.format(d))
          .orElse("manual (dev_advanceBlocks)") + ", best #" + chain.bestNumber());
      out.println("  state:     " + config.dataDirectory().map(p -> p.toAbsolutePath().toString())
          .orElse("in memory (use --data DIR to keep it across restarts)"));
      out.println();
      out.println("Dev keys (public development keys: anyone can sign with them, never hold real funds with them):");
      out.printf("  %-4s %-9s %-18s %-49s %-20s %s%n", "uid", "role", "hotkey", "hotkey address", "coldkey", "stake");
      for (int uid = 0; uid < g.neurons().size(); uid++) {
        GenesisNeuron n = g.neurons().get(uid);
        String role = n.hotkey().account().equals(g.ownerHotkey().account()) ? "owner"
            : n.validatorPermit() ? "validator" : "miner";
        out.printf("  %-4d %-9s %-18s %-49s %-20s %s TAO%n", uid, role, n.hotkey().label(), n.hotkey().ss58(),
            n.coldkey().label(), tao(n.stake()));
      }
      out.println("  subnet owner coldkey: " + g.ownerColdkey().label() + " (" + g.ownerColdkey().ss58() + ")");
      out.println();
      out.println("Press Ctrl-C to stop.");
    }

    private static String tao(long rao) {
      return BigDecimal.valueOf(rao).movePointLeft(9).stripTrailingZeros().toPlainString();
    }

  }
}
