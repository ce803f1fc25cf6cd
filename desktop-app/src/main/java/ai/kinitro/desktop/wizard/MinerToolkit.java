package ai.kinitro.desktop.wizard;

import ai.kinitro.common.chain.client.ChainClient;
import ai.kinitro.common.chain.client.SubstrateChainClient;
import ai.kinitro.common.chain.client.TxOptions;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.signing.RequestSigner;
import ai.kinitro.common.wallet.PasswordSource;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import ai.kinitro.miner.backend.BackendClient;
import ai.kinitro.miner.check.LocalAgentLauncher;
import ai.kinitro.miner.check.LocalAgentOptions;
import ai.kinitro.miner.commit.CommitResult;
import ai.kinitro.miner.commit.Committer;
import ai.kinitro.miner.eval.LocalEvalListener;
import ai.kinitro.miner.eval.LocalEvalOptions;
import ai.kinitro.miner.eval.LocalEvalReport;
import ai.kinitro.miner.eval.LocalEvaluator;
import ai.kinitro.miner.pack.PackagedSubmission;
import ai.kinitro.miner.pack.SubmissionPackager;
import ai.kinitro.miner.upload.UploadListener;
import ai.kinitro.miner.upload.UploadPolicy;
import ai.kinitro.miner.upload.UploadResult;
import ai.kinitro.miner.upload.Uploader;
import ai.kinitro.miner.wallet.HotkeySpec;
import ai.kinitro.miner.wallet.Hotkeys;
import ai.kinitro.miner.wallet.MinerHotkey;
import ai.kinitro.rollout.submission.ArchiveLimits;
import ai.kinitro.rollout.submission.Submission;
import ai.kinitro.rollout.submission.SubmissionArchive;
import ai.kinitro.rollout.submission.SubmissionManifest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The wizard's steps done by the miner tooling: the same packager, archive rules, local evaluator,
 * hotkey loader, uploader and committer as {@code kinitro-miner}, so the wizard and the command line
 * accept and refuse exactly the same things.
 */
public final class MinerToolkit implements MinerServices {
  /** Submission file the wizard writes, as {@code kinitro-miner package} does. */
  public static final String ARCHIVE = "submission.tar.gz";
  static final TxOptions COMMIT_WAIT = TxOptions.DEFAULT.withTimeout(Duration.ofMinutes(2));

  private final HttpClient http;
  private final Function<URI, ChainClient> chains;
  private final Clock clock;
  private final LocalEvalOptions evalOptions;

  public MinerToolkit(HttpClient http, Function<URI, ChainClient> chains, Clock clock, LocalEvalOptions evalOptions) {
    this.http = Objects.requireNonNull(http, "http");
    this.chains = Objects.requireNonNull(chains, "chains");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.evalOptions = Objects.requireNonNull(evalOptions, "evalOptions");
  }

  /** Real networks and chains, the system clock and the CLI's local-evaluation defaults. */
  public static MinerToolkit system(HttpClient http) {
    return new MinerToolkit(http, SubstrateChainClient::connect, Clock.systemUTC(), LocalEvalOptions.DEFAULT);
  }

  @Override
  public ValidationReport validate(Path agentDir, long maxArchiveBytes) {
    Path root = agentDir.toAbsolutePath().normalize();
    List<String> checks = new ArrayList<>();
    SubmissionManifest manifest = Submission.fromDirectory(root).manifest();
    String described = describe(manifest);
    checks.add("manifest " + SubmissionManifest.FILE_NAME + ": " + described);
    ArchiveLimits limits = limits(maxArchiveBytes);
    Path temp = tempDir();
    try {
      PackagedSubmission packed = new SubmissionPackager(limits.maxArchiveBytes()).pack(root, temp.resolve(ARCHIVE));
      checks.add("packed " + packed.fileCount() + " files into " + packed.sizeBytes() + " bytes (limit "
          + limits.maxArchiveBytes() + ")");
      SubmissionArchive.extract(packed.archive(), packed.sha256(), temp.resolve("extracted"), limits);
      checks.add("archive rules: paths, links, special files, duplicates, at most " + limits.maxEntries()
          + " entries and " + limits.maxUnpackedBytes() + " bytes unpacked");
      return new ValidationReport(described, packed.sha256(), packed.sizeBytes(), packed.fileCount(), checks);
    } finally {
      SubmissionArchive.deleteTree(temp);
    }
  }

  @Override
  public LocalEvalReport evaluate(Path agentDir, List<BenchmarkDefinition> benchmarks, LocalEvalListener listener) {
    LocalAgentLauncher launcher = new LocalAgentLauncher(LocalAgentOptions.DEFAULT);
    return new LocalEvaluator(launcher).run(agentDir, benchmarks, evalOptions, listener);
  }

  @Override
  public MinerHotkey loadHotkey(HotkeySpec spec, PasswordSource passwords) {
    return Hotkeys.load(spec, passwords);
  }

  @Override
  public PackagedSubmission pack(Path agentDir, long maxArchiveBytes) {
    Path root = agentDir.toAbsolutePath().normalize();
    return new SubmissionPackager(limits(maxArchiveBytes).maxArchiveBytes()).pack(root, root.resolve(ARCHIVE));
  }

  @Override
  public UploadResult upload(URI backend, PackagedSubmission archive, String competitionId, Optional<String> version,
      MinerHotkey hotkey, UploadListener listener) {
    BackendClient client = new BackendClient(backend, http, BackendClient.DEFAULT_TIMEOUT);
    return new Uploader(client, http, clock, UploadPolicy.DEFAULT)
        .upload(archive, competitionId, version, new RequestSigner(hotkey.signer()), listener);
  }

  @Override
  public CommitResult commit(URI chain, int netuid, MinerHotkey hotkey, String commitment) {
    try (ChainClient client = chains.apply(chain)) {
      return new Committer(client).commit(hotkey, netuid, commitment, COMMIT_WAIT);
    }
  }

  private static ArchiveLimits limits(long maxArchiveBytes) {
    ArchiveLimits d = ArchiveLimits.DEFAULT;
    return new ArchiveLimits(Math.min(maxArchiveBytes, d.maxArchiveBytes()), d.maxUnpackedBytes(), d.maxEntries());
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("kinitro-validate-");
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.MINER_OUTPUT_FAILED, "cannot create a temporary folder: " + e.getMessage(), e);
    }
  }

  static String describe(SubmissionManifest manifest) {
    return switch (manifest) {
      case SubmissionManifest.Command c -> "command " + String.join(" ", c.command());
      case SubmissionManifest.Onnx o -> "onnx model " + o.model();
    };
  }
}
