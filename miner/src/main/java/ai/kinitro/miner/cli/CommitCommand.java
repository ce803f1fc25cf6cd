package ai.kinitro.miner.cli;

import ai.kinitro.common.chain.client.ChainClient;
import ai.kinitro.common.chain.client.TxOptions;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.SubmissionCommitment;
import ai.kinitro.miner.commit.CommitResult;
import ai.kinitro.miner.commit.Committer;
import ai.kinitro.miner.config.MinerConfig;
import ai.kinitro.miner.wallet.Hotkeys;
import ai.kinitro.miner.wallet.MinerHotkey;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "commit", mixinStandardHelpOptions = true,
    description = {"Write the submission's commitment (k1:<competition>:<submission>) on chain, signed by the hotkey.",
        "Without --submission-id it commits the last upload of the agent folder. Local mode uses the dev chain."})
final class CommitCommand implements Callable<Integer> {
  @ParentCommand MinerCli root;
  @Spec CommandSpec spec;
  @Mixin SharedOptions shared;

  @Option(names = "--submission-id", paramLabel = "ID", description = "The submission id upload printed.")
  String submissionId;

  @Option(names = "--wait", defaultValue = "in-block", paramLabel = "WHEN",
      description = "none, in-block (default) or finalized.")
  String waitFor;

  @Override
  public Integer call() {
    CliContext ctx = root.context;
    Output o = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), shared.json, ctx.interactive());
    MinerConfig config = shared.resolve(ctx);
    String commitment;
    if (submissionId != null) {
      long id;
      try {
        id = Long.parseLong(submissionId);
      } catch (NumberFormatException e) {
        throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "--submission-id must be the decimal id upload printed");
      }
      commitment = new SubmissionCommitment(config.requireCompetition(), id).text();
    } else {
      LastUpload last = LastUpload.read(config.agentDir()).orElseThrow(() -> new KinitroException(ErrorCode.INVALID_ARGUMENT,
          "no --submission-id given and no upload recorded in " + config.agentDir().resolve(LastUpload.FILE)));
      commitment = last.commitment();
    }
    int netuid = config.requireNetuid();
    MinerHotkey hotkey = Hotkeys.load(config.hotkey(), ctx.passwords());
    TxOptions options = TxOptions.DEFAULT.withWaitFor(switch (waitFor.toLowerCase(Locale.ROOT)) {
      case "none" -> TxOptions.WaitFor.NONE;
      case "in-block", "inblock" -> TxOptions.WaitFor.IN_BLOCK;
      case "finalized" -> TxOptions.WaitFor.FINALIZED;
      default -> throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "--wait must be none, in-block or finalized");
    });
    o.note("committing '" + commitment + "' on subnet " + netuid + " at " + config.chainUrl() + " as " + hotkey.ss58());
    CommitResult r;
    try (ChainClient chain = ctx.chains().apply(config.chainUrl())) {
      r = new Committer(chain).commit(hotkey, netuid, commitment, options);
    }
    o.line("Committed '" + r.commitment() + "' on subnet " + r.netuid() + " (" + r.status()
        + r.block().stream().mapToObj(b -> ", block " + b).findFirst().orElse("") + "), tx " + r.txHash());
    o.line("The backend picks it up on its next chain poll; follow it with: kinitro-miner status");
    ObjectNode j = o.object();
    j.put("commitment", r.commitment());
    j.put("hotkey", r.hotkey());
    j.put("netuid", r.netuid());
    j.put("tx_hash", r.txHash());
    j.put("status", r.status().name());
    r.block().ifPresent(b -> j.put("block", b));
    o.result(j);
    return 0;
  }
}
