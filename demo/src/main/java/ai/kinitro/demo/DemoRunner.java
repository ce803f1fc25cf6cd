package ai.kinitro.demo;

import ai.kinitro.common.chain.client.BlockRef;
import ai.kinitro.common.chain.client.ChainClient;
import ai.kinitro.common.chain.client.ChainWeights;
import ai.kinitro.common.chain.client.SubstrateChainClient;
import ai.kinitro.common.chain.client.TxOptions;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.signing.RequestSigner;
import ai.kinitro.miner.backend.BackendClient;
import ai.kinitro.miner.backend.UploadTicket;
import ai.kinitro.miner.commit.CommitResult;
import ai.kinitro.miner.commit.Committer;
import ai.kinitro.miner.pack.PackagedSubmission;
import ai.kinitro.miner.pack.SubmissionPackager;
import ai.kinitro.miner.upload.UploadListener;
import ai.kinitro.miner.upload.UploadPolicy;
import ai.kinitro.miner.upload.UploadResult;
import ai.kinitro.miner.upload.Uploader;
import ai.kinitro.miner.wallet.MinerHotkey;
import ai.kinitro.platform.admin.BackendAdminClient;
import ai.kinitro.platform.run.Progress;
import ai.kinitro.platform.services.DevKeys;
import ai.kinitro.platform.services.ServiceCatalog;
import ai.kinitro.platform.state.LocalSecrets;
import ai.kinitro.platform.state.PlatformState;
import ai.kinitro.platform.state.StateStore;
import ai.kinitro.rollout.submission.ArchiveLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The demo's steps against a running local platform (see the package documentation). Each step
 * prints what it does; waits tolerate the platform being restarted underneath.
 */
public final class DemoRunner {
  private static final int STEPS = 6;

  /**
   * @param stateDir the state directory of {@code ./kinitro up}
   * @param timeout how long the whole demo may take
   * @param pollInterval the pause between two looks at the backend or the chain
   * @param javaBinary the {@code java} the demo agents run with
   * @param classPath where the demo agents' jars come from
   */
  public record Options(Path stateDir, Duration timeout, Duration pollInterval, String javaBinary, String classPath) {
    public Options {
      Objects.requireNonNull(stateDir, "stateDir");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(pollInterval, "pollInterval");
      Objects.requireNonNull(javaBinary, "javaBinary");
      Objects.requireNonNull(classPath, "classPath");
    }

    /** The JDK and class path of this process. */
    public static Options forThisProcess(Path stateDir, Duration timeout) {
      return new Options(stateDir, timeout, Duration.ofSeconds(2),
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), System.getProperty("java.class.path"));
    }
  }

  private static Optional<JsonNode> candidateById(BackendAdminClient admin, String competitionId, String candidateId) {
    return admin.leaderCandidates(competitionId).stream().filter(c -> candidateId.equals(c.path("id").asString())).findFirst();
  }

  /** How the demo ended: the submissions, the approved candidate and the weights read from the chain. */
  public record Outcome(String competitionId, Map<String, String> submissions, String approvedCandidateId,
      int validatorUid, ChainWeights chainWeights) {}

  private final Options options;
  private final Progress out;
  private final Clock clock;

  public DemoRunner(Options options, Progress out, Clock clock) {
    this.options = Objects.requireNonNull(options, "options");
    this.out = Objects.requireNonNull(out, "out");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Outcome run() {
    Instant started = clock.instant();
    Waiter waiter = new Waiter(out, clock, started.plus(options.timeout()), options.pollInterval(),
        d -> Thread.sleep(d.toMillis()));
    Platform platform = platform();
    List<DemoMiner> miners = DemoMiner.all();
    DemoMiner expert = miners.getFirst();
    int validatorUid = DevKeys.all().stream().filter(k -> k.secretUri().equals(DevKeys.LOCAL_VALIDATOR)).findFirst()
        .orElseThrow().uid();

    step(1, "Platform at " + platform.backend() + " (chain " + platform.chain() + ")");
    BackendAdminClient admin = new BackendAdminClient(platform.backend(), platform.adminKey());
    String competitionName = BackendAdminClient.demoCompetition().path("name").asString();
    String competitionId = waiter.until("the demo competition '" + competitionName + "' at the backend",
        () -> admin.competitionId(competitionName));
    out.line("      competition " + competitionId + " ('" + competitionName + "')");

    step(2, "Two miners submit: package, signed upload, commitment on the dev chain");
    HttpClient http = BackendClient.defaultHttpClient();
    BackendClient backend = new BackendClient(platform.backend(), http, BackendClient.DEFAULT_TIMEOUT);
    DemoJournal journal = DemoJournal.open(options.stateDir(), competitionId);
    Map<String, String> submissions = new LinkedHashMap<>();
    for (DemoMiner miner : miners) {
      submissions.put(miner.name(), submit(miner, competitionId, platform, backend, http, journal, waiter));
    }

    step(3, "The backend's chain monitor matches each commitment with its upload");
    Map<String, JsonNode> received = new LinkedHashMap<>();
    for (DemoMiner miner : miners) {
      String id = submissions.get(miner.name());
      JsonNode submission = waiter.until("the backend to record submission " + id, () -> backend.submission(id));
      received.put(miner.name(), submission);
      out.line("      " + miner.label() + ": submission " + id + " recorded, hold-out until "
          + submission.path("holdout_release_at").asString("?"));
    }

    step(4, "Evaluation: the validator queues the jobs, the evaluator runs each agent in its sandbox");
    Map<String, String> lastStatus = new LinkedHashMap<>();
    waiter.until("the evaluations to finish", () -> {
      boolean allDone = true;
      for (DemoMiner miner : miners) {
        List<JsonNode> jobs = backend.jobs(submissions.get(miner.name()));
        String status = jobsStatus(jobs);
        if (!status.equals(lastStatus.put(miner.name(), status))) {
          out.line("      " + miner.name() + ": " + status);
        }
        allDone &= !jobs.isEmpty() && jobs.stream().allMatch(j -> terminal(j.path("status").asString("")));
        if (miner == expert && !jobs.isEmpty()) {
          jobs.stream().filter(j -> terminal(j.path("status").asString("")) && !"COMPLETED".equals(j.path("status").asString()))
              .findFirst().ifPresent(j -> {
                throw new KinitroException(ErrorCode.DEMO_EVALUATION_FAILED, "the expert's job " + j.path("id").asString()
                    + " ended " + j.path("status").asString() + ": " + failure(j) + ". See the evaluator's log (./kinitro status)");
              });
        }
      }
      return allDone ? Optional.of(true) : Optional.empty();
    });

    step(5, "Scoring: the expert becomes the leader candidate; the admin approves it");
    Instant holdout = Instant.parse(received.get(expert.name()).path("holdout_release_at").asString(clock.instant().toString()));
    if (holdout.isAfter(clock.instant())) {
      out.line("      scores wait for the hold-out to end (" + holdout + "); the backend scores every few seconds after that");
    }
    String expertSubmission = submissions.get(expert.name());
    JsonNode candidate = waiter.until("a leader candidate for the expert's submission " + expertSubmission, () -> {
      List<JsonNode> candidates = admin.leaderCandidates(competitionId);
      return candidates.stream().filter(c -> expertSubmission.equals(c.path("submission_id").asString())).findFirst();
    });
    out.line(String.format(Locale.ROOT, "      candidate %s: %s, mean reward %.1f, success rate %.0f%%, %s",
        candidate.path("id").asString(), expert.label(), candidate.path("avg_reward").asDouble(),
        100 * candidate.path("success_rate").asDouble(), candidate.path("status").asString()));
    String candidateId = candidate.path("id").asString();
    if ("pending".equalsIgnoreCase(candidate.path("status").asString())) {
      // Each review re-reads the candidates first, so a platform restart in between (the answer lost,
      // the backend down) is waited out and a review that did land is never sent twice.
      String status = waiter.until("the admin's approval of candidate " + candidateId, () -> {
        Optional<JsonNode> now = candidateById(admin, competitionId, candidateId);
        if (now.isEmpty()) {
          return Optional.empty(); // not listed (yet) by a backend that just came back: ask again
        }
        if (!"pending".equalsIgnoreCase(now.get().path("status").asString())) {
          return Optional.of(now.get().path("status").asString());
        }
        return Optional.of(admin.reviewCandidate(candidateId, BackendAdminClient.Review.APPROVE,
            "approved by ./kinitro demo: the scripted expert balances the pole for the whole episode").path("status").asString());
      });
      out.line("      approved with the admin key: " + status);
    } else {
      out.line("      already reviewed earlier: " + candidate.path("status").asString());
    }
    List<String> rejected = waiter.until("the other pending candidates rejected", () -> {
      List<String> ids = new java.util.ArrayList<>();
      for (JsonNode other : admin.leaderCandidates(competitionId)) {
        if (!other.path("id").asString().equals(candidateId) && "pending".equalsIgnoreCase(other.path("status").asString())
            && submissions.containsValue(other.path("submission_id").asString())) {
          admin.reviewCandidate(other.path("id").asString(), BackendAdminClient.Review.REJECT,
              "rejected by ./kinitro demo: the scripted expert scores higher");
          ids.add(other.path("id").asString());
        }
      }
      return Optional.of(ids);
    });
    rejected.forEach(id -> out.line("      rejected the other pending candidate " + id));

    step(6, "Weights: the backend scores, the validator sets them on the dev chain");
    String expertHotkey = expert.key().address();
    JsonNode snapshot = waiter.until("backend weights that include the expert", () -> admin.weights()
        .filter(w -> weightOf(w, expert.key().uid()) > 0));
    out.line("      backend snapshot " + snapshot.path("snapshot_id").asString() + ": " + describe(snapshot, miners));
    ChainWeights onChain = waiter.until("the validator's weights on the dev chain to favour uid " + expert.key().uid(), () -> {
      try (ChainClient chain = SubstrateChainClient.connect(platform.chain())) {
        ChainWeights weights = chain.weights(ServiceCatalog.NETUID, BlockRef.best());
        return favoursMiner(weights, validatorUid, expert.key().uid(), miners) ? Optional.of(weights) : Optional.empty();
      }
    });
    List<ChainWeights.Entry> row = onChain.row(validatorUid).orElseThrow();
    out.line("      block " + onChain.block().number() + ", row of validator uid " + validatorUid + " ("
        + DevKeys.LOCAL_VALIDATOR + "):");
    for (ChainWeights.Entry e : row) {
      out.line(String.format(Locale.ROOT, "        uid %-3d %-9s %5d  %s", e.uid(), role(e.uid(), miners), e.value(),
          e.uid() == expert.key().uid() ? "<- " + expertHotkey : ""));
    }
    Duration took = Duration.between(started, clock.instant());
    out.line(String.format(Locale.ROOT, "Done in %d:%02d: the scripted expert (uid %d) leads and holds the miners' share of the weights.",
        took.toMinutes(), took.toSecondsPart(), expert.key().uid()));
    return new Outcome(competitionId, submissions, candidateId, validatorUid, onChain);
  }

  // --- step 2: one miner's submission ------------------------------------------------------------

  private String submit(DemoMiner miner, String competitionId, Platform platform, BackendClient backend, HttpClient http,
      DemoJournal journal, Waiter waiter) {
    Optional<DemoJournal.Entry> done = journal.entry(miner.name());
    if (done.isPresent() && done.get().committedBlock().isPresent()) {
      out.line("      " + miner.label() + ": submitted by an earlier run (submission " + done.get().submissionId()
          + ", committed in block " + done.get().committedBlock().get() + ")");
      return done.get().submissionId();
    }
    Sr25519KeyPair pair = SecretUri.parse(miner.key().secretUri());
    MinerHotkey hotkey = new MinerHotkey(pair, miner.key().address(), "dev key " + miner.key().secretUri());
    if (done.isPresent() && done.get().uploadExpiresAt().isAfter(clock.instant().plusSeconds(30))) {
      out.line("      " + miner.label() + ": uploaded by an earlier run (submission " + done.get().submissionId() + ")");
    } else {
      if (done.isPresent()) {
        out.line("      " + miner.label() + ": the earlier upload expired uncommitted; uploading again");
        journal.forget(miner.name());
      }
      upload(miner, competitionId, backend, http, journal, hotkey, waiter);
    }
    DemoJournal.Entry entry = journal.entry(miner.name()).orElseThrow();
    CommitResult commit = waiter.until("the dev chain to take " + miner.name() + "'s commitment", () -> {
      try (ChainClient chain = SubstrateChainClient.connect(platform.chain())) {
        return Optional.of(new Committer(chain).commit(hotkey, ServiceCatalog.NETUID, entry.commitment(), TxOptions.DEFAULT));
      }
    });
    long block = commit.block().orElse(0);
    journal.committed(miner.name(), block);
    out.line("      " + miner.name() + ": committed '" + entry.commitment() + "' in block " + block);
    return entry.submissionId();
  }

  private void upload(DemoMiner miner, String competitionId, BackendClient backend, HttpClient http, DemoJournal journal,
      MinerHotkey hotkey, Waiter waiter) {
    Path folder = options.stateDir().resolve("demo").resolve(miner.name());
    DemoAgents.write(folder, miner, options.javaBinary(), options.classPath());
    Path archive = options.stateDir().resolve("demo").resolve(miner.name() + ".tar.gz");
    PackagedSubmission packaged = new SubmissionPackager(ArchiveLimits.DEFAULT.maxArchiveBytes()).pack(folder, archive);
    out.line(String.format(Locale.ROOT, "      %s, %s: packaged %d files, %.1f MB, sha256 %s…", miner.label(),
        miner.description(), packaged.fileCount(), packaged.sizeBytes() / 1e6, packaged.sha256().substring(0, 12)));
    Uploader uploader = new Uploader(backend, http, clock, UploadPolicy.DEFAULT);
    UploadTicket[] granted = new UploadTicket[1];
    int[] shown = {0};
    UploadResult result = waiter.until("the backend to take " + miner.name() + "'s upload", () -> Optional.of(
        uploader.upload(packaged, competitionId, Optional.empty(), new RequestSigner(hotkey.signer()), new UploadListener() {
          @Override
          public void granted(UploadTicket ticket, String version) {
            granted[0] = ticket;
          }

          @Override
          public void progress(long sent, long total) {
            int quarter = total == 0 ? 4 : (int) (4 * sent / total);
            if (quarter > shown[0]) {
              shown[0] = quarter;
              out.line("      " + miner.name() + ": upload " + 25 * quarter + "%");
            }
          }

          @Override
          public void retrying(String reason, int attempt, Duration wait) {
            out.line("      " + miner.name() + ": upload failed (" + reason + "), attempt " + attempt);
          }
        })));
    Instant expires = granted[0].uploadExpiresAt().orElse(granted[0].expiresAt());
    journal.uploaded(miner.name(), new DemoJournal.Entry(result.submissionId(), result.version(), result.commitment(),
        result.sha256(), expires, Optional.empty()));
    out.line("      " + miner.name() + ": stored in S3 as submission " + result.submissionId() + " (version "
        + result.version() + ")");
  }

  // --- helpers ----------------------------------------------------------------------------------

  private void step(int n, String text) {
    out.line("[" + n + "/" + STEPS + "] " + text);
  }

  private record Platform(URI backend, URI chain, String adminKey) {}

  private Platform platform() {
    PlatformState state = new StateStore(options.stateDir()).read().orElseThrow(() -> new KinitroException(
        ErrorCode.PLATFORM_NOT_RUNNING, "no platform runs from " + options.stateDir() + ": start it with ./kinitro up in "
            + "another terminal, wait for 'Press Ctrl-C to stop.', then run ./kinitro demo"));
    if (state.liveSupervisor().isEmpty()) {
      throw new KinitroException(ErrorCode.PLATFORM_NOT_RUNNING, "the platform of " + options.stateDir()
          + " is not running (its supervisor is gone): run ./kinitro up again, then ./kinitro demo (it resumes)");
    }
    List<String> missing = new ArrayList<>();
    for (String name : List.of(ServiceCatalog.BACKEND, ServiceCatalog.CHAIN, ServiceCatalog.VALIDATOR, ServiceCatalog.EVALUATOR)) {
      if (state.service(name).isEmpty()) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new KinitroException(ErrorCode.PLATFORM_NOT_RUNNING, "the demo needs " + String.join(", ", missing)
          + ", which this platform does not run (started with --without, or not built): ./kinitro down, then ./kinitro up "
          + "without --without");
    }
    String adminKey = LocalSecrets.loadOrCreate(options.stateDir()).find(LocalSecrets.ADMIN_API_KEY)
        .orElseThrow(() -> new KinitroException(ErrorCode.PLATFORM_NOT_RUNNING, "the platform has no admin API key yet "
            + "(the backend was not ready when ./kinitro up started): wait for 'Press Ctrl-C to stop.'"));
    URI chain = URI.create(state.service(ServiceCatalog.CHAIN).orElseThrow().url());
    return new Platform(URI.create(state.service(ServiceCatalog.BACKEND).orElseThrow().url()), chain, adminKey);
  }

  private static boolean terminal(String status) {
    return switch (status) {
      case "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT" -> true;
      default -> false;
    };
  }

  /** "1 job: RUNNING on 5FHneW46… (4/6 episodes)". */
  static String jobsStatus(List<JsonNode> jobs) {
    if (jobs.isEmpty()) {
      return "no jobs yet";
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode job : jobs) {
      List<String> validators = new ArrayList<>();
      for (JsonNode a : job.path("validators")) {
        String s = a.path("status").asString("?");
        if (a.hasNonNull("queue_position")) {
          s += " (queue position " + a.path("queue_position").asInt() + ")";
        } else if (a.hasNonNull("total_episodes") && !terminal(a.path("status").asString())) {
          s += " (" + a.path("progress_episodes").asInt() + "/" + a.path("total_episodes").asInt() + " episodes)";
        }
        if (a.hasNonNull("error_message")) {
          s += ": " + a.path("error_message").asString();
        }
        validators.add(s);
      }
      parts.add("job " + job.path("id").asString() + " " + job.path("benchmark_name").asString() + " "
          + (validators.isEmpty() ? job.path("status").asString("?") : String.join(", ", validators)));
    }
    return String.join("; ", parts);
  }

  private static String failure(JsonNode job) {
    for (JsonNode a : job.path("validators")) {
      if (a.hasNonNull("error_message")) {
        return a.path("error_message").asString();
      }
    }
    return "no reason given";
  }

  /** The weight of {@code uid} in a backend snapshot ({@code entries[].uid/weight}). */
  static double weightOf(JsonNode snapshot, int uid) {
    for (JsonNode e : snapshot.path("entries")) {
      if (e.path("uid").asInt(-1) == uid) {
        return e.path("weight").asDouble();
      }
    }
    return 0;
  }

  private static String describe(JsonNode snapshot, List<DemoMiner> miners) {
    List<String> parts = new ArrayList<>();
    double total = snapshot.path("total_weight").asDouble(1);
    for (JsonNode e : snapshot.path("entries")) {
      int uid = e.path("uid").asInt();
      String role = uid == ServiceCatalog.OWNER_UID ? " (owner: burn share)" : role(uid, miners).isEmpty() ? "" : " (" + role(uid, miners) + ")";
      parts.add(String.format(Locale.ROOT, "uid %d %.1f%%%s", uid, 100 * e.path("weight").asDouble() / total, role));
    }
    return String.join(", ", parts);
  }

  /** True when the validator's row gives the expert more than every other demo miner. */
  static boolean favoursMiner(ChainWeights weights, int validatorUid, int expertUid, List<DemoMiner> miners) {
    Optional<List<ChainWeights.Entry>> row = weights.row(validatorUid);
    if (row.isEmpty()) {
      return false;
    }
    Map<Integer, Integer> values = new LinkedHashMap<>();
    row.get().forEach(e -> values.put(e.uid(), e.value()));
    int expert = values.getOrDefault(expertUid, 0);
    return expert > 0 && miners.stream().filter(m -> m.key().uid() != expertUid)
        .allMatch(m -> values.getOrDefault(m.key().uid(), 0) < expert);
  }

  private static String role(int uid, List<DemoMiner> miners) {
    if (uid == ServiceCatalog.OWNER_UID) {
      return "owner";
    }
    return miners.stream().filter(m -> m.key().uid() == uid).map(DemoMiner::name).findFirst().orElse("");
  }
}
