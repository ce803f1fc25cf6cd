package ai.kinitro.desktop.wizard;

import ai.kinitro.common.wallet.PasswordSource;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import ai.kinitro.miner.commit.CommitResult;
import ai.kinitro.miner.eval.LocalEvalListener;
import ai.kinitro.miner.eval.LocalEvalReport;
import ai.kinitro.miner.pack.PackagedSubmission;
import ai.kinitro.miner.upload.UploadListener;
import ai.kinitro.miner.upload.UploadResult;
import ai.kinitro.miner.wallet.HotkeySpec;
import ai.kinitro.miner.wallet.MinerHotkey;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the wizard asks of the miner tooling, one method per step. Every method blocks and throws
 * {@code KinitroException} with a code and a message saying how to fix the problem. The real
 * implementation is {@link MinerToolkit}; view-model tests use a fake.
 */
public interface MinerServices {
  /** Manifest and archive rules: reads the manifest, packs the folder and extracts it under the evaluator's limits. */
  ValidationReport validate(Path agentDir, long maxArchiveBytes);

  /** Starts the agent in the local sandbox and runs the benchmarks, reporting each episode. */
  LocalEvalReport evaluate(Path agentDir, List<BenchmarkDefinition> benchmarks, LocalEvalListener listener);

  /** Loads (and if needed decrypts, asking {@code passwords}) the hotkey. */
  MinerHotkey loadHotkey(HotkeySpec spec, PasswordSource passwords);

  /** Packs the folder into {@code <agent>/submission.tar.gz}. */
  PackagedSubmission pack(Path agentDir, long maxArchiveBytes);

  /** Signed upload request, then the PUT to the presigned URL (retried, renewed when it expires). */
  UploadResult upload(URI backend, PackagedSubmission archive, String competitionId, Optional<String> version,
      MinerHotkey hotkey, UploadListener listener);

  /** Writes the commitment on chain, waiting until it is in a block. */
  CommitResult commit(URI chain, int netuid, MinerHotkey hotkey, String commitment);
}
