package ai.kinitro.desktop.wizard;

import ai.kinitro.common.chain.client.TxResult;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.wallet.PasswordSource;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import ai.kinitro.miner.commit.CommitResult;
import ai.kinitro.miner.eval.LocalEvalListener;
import ai.kinitro.miner.eval.LocalEvalReport;
import ai.kinitro.miner.pack.PackagedSubmission;
import ai.kinitro.miner.upload.UploadListener;
import ai.kinitro.miner.upload.UploadResult;
import ai.kinitro.miner.wallet.HotkeySpec;
import ai.kinitro.miner.wallet.Hotkeys;
import ai.kinitro.miner.wallet.MinerHotkey;
import ai.kinitro.rollout.EpisodeOutcome;
import ai.kinitro.rollout.EpisodeSummary;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Miner services that answer from a script: each step succeeds with a plausible value unless a
 * failure was queued for it ({@link #failNext}). Counts calls, so tests can check that a retry redid
 * only the failed step. The hotkey file is "encrypted" with the password {@value #PASSWORD}.
 */
public final class FakeMinerServices implements MinerServices {
  public static final String PASSWORD = "correct horse";
  public static final String SUBMISSION_ID = "7312848011234567890";

  private final Map<String, Deque<KinitroException>> failures = new ConcurrentHashMap<>();
  private final Map<String, Integer> calls = new ConcurrentHashMap<>();
  public volatile boolean encryptedHotkey;
  public volatile List<Double> episodeRewards = List.of(10.0, 30.0, 20.0);
  public volatile Runnable duringValidation = () -> {};

  public void failNext(String step, KinitroException error) {
    failures.computeIfAbsent(step, s -> new ArrayDeque<>()).add(error);
  }

  public int calls(String step) {
    return calls.getOrDefault(step, 0);
  }

  private void enter(String step) {
    calls.merge(step, 1, Integer::sum);
    Deque<KinitroException> queued = failures.get(step);
    if (queued != null && !queued.isEmpty()) {
      throw queued.poll();
    }
  }

  @Override
  public ValidationReport validate(Path agentDir, long maxArchiveBytes) {
    enter("validate");
    duringValidation.run();
    return new ValidationReport("command java -jar lib/agent.jar", "ab".repeat(32), 4096, 3,
        List.of("manifest kinitro-agent.json: command java -jar lib/agent.jar", "packed 3 files"));
  }

  @Override
  public LocalEvalReport evaluate(Path agentDir, List<BenchmarkDefinition> benchmarks, LocalEvalListener listener) {
    enter("evaluate");
    listener.passed("started in the local sandbox");
    for (int i = 0; i < episodeRewards.size(); i++) {
      listener.episodeFinished(new EpisodeSummary(i, "classic/CartPole-v1:0", "classic/CartPole-v1", i, 7, 100,
          episodeRewards.get(i), i % 2 == 0, EpisodeOutcome.TERMINATED, Optional.empty(), Duration.ofMillis(5)));
    }
    return new LocalEvalReport(agentDir.resolve(".kinitro/miner_runs/run-1"), agentDir.resolve(".kinitro/miner_runs/run-1/summary.json"),
        0, List.of());
  }

  @Override
  public MinerHotkey loadHotkey(HotkeySpec spec, PasswordSource passwords) {
    enter("hotkey");
    if (encryptedHotkey) {
      char[] given = passwords.password(Path.of("/wallets/miner/hotkeys/default"));
      if (given == null) {
        throw new KinitroException(ErrorCode.WRONG_PASSWORD, "the keyfile /wallets/miner/hotkeys/default is encrypted and no password was given");
      }
      if (!new String(given).equals(PASSWORD)) {
        throw new KinitroException(ErrorCode.WRONG_PASSWORD, "the password does not decrypt /wallets/miner/hotkeys/default");
      }
    }
    return Hotkeys.load(new HotkeySpec.DevUri("//Dave"), PasswordSource.none());
  }

  @Override
  public PackagedSubmission pack(Path agentDir, long maxArchiveBytes) {
    enter("pack");
    return new PackagedSubmission(agentDir.resolve("submission.tar.gz"), "ab".repeat(32), 4096, 3);
  }

  @Override
  public UploadResult upload(URI backend, PackagedSubmission archive, String competitionId, Optional<String> version,
      MinerHotkey hotkey, UploadListener listener) {
    enter("upload");
    listener.progress(1024, 4096);
    listener.progress(4096, 4096);
    return new UploadResult(SUBMISSION_ID, competitionId, version.orElse("v1"), "k1:" + competitionId + ":" + SUBMISSION_ID,
        archive.sha256(), archive.sizeBytes(), 1, 0);
  }

  @Override
  public CommitResult commit(URI chain, int netuid, MinerHotkey hotkey, String commitment) {
    enter("commit");
    return new CommitResult(hotkey.ss58(), netuid, commitment, "0x" + "cd".repeat(32), TxResult.Status.IN_BLOCK, OptionalLong.of(42));
  }
}
