package ai.kinitro.desktop.testing;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.realtime.CandidateStatus;
import ai.kinitro.desktop.api.AdminApi;
import ai.kinitro.desktop.api.ApiKeyInfo;
import ai.kinitro.desktop.api.CompetitionDraft;
import ai.kinitro.desktop.api.CompetitionInfo;
import ai.kinitro.desktop.api.EpisodeInfo;
import ai.kinitro.desktop.api.JobInfo;
import ai.kinitro.desktop.api.LeaderCandidate;
import ai.kinitro.desktop.api.Leaderboard;
import ai.kinitro.desktop.api.ResultInfo;
import ai.kinitro.desktop.api.StepInfo;
import ai.kinitro.desktop.api.SubmissionRank;
import ai.kinitro.desktop.api.ValidatorInfo;
import ai.kinitro.desktop.api.WeightsInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory backend behind the API port, with the backend's rules where tests rely on them:
 * only pending candidates can be approved or rejected, only approved ones unapproved; competitions
 * need a non-empty benchmark list. {@link #failNext} makes the next call fail like the backend would.
 */
public final class FakeBackendApi implements AdminApi {
  public final List<CompetitionInfo> competitions = new CopyOnWriteArrayList<>();
  public final List<LeaderCandidate> candidates = new CopyOnWriteArrayList<>();
  public final List<ApiKeyInfo> keys = new CopyOnWriteArrayList<>();
  public final List<ValidatorInfo> validators = new CopyOnWriteArrayList<>();
  public final List<JobInfo> jobs = new CopyOnWriteArrayList<>();
  public final List<ResultInfo> results = new CopyOnWriteArrayList<>();
  public final List<EpisodeInfo> episodes = new CopyOnWriteArrayList<>();
  public final Map<String, List<StepInfo>> steps = new HashMap<>();
  public final List<SubmissionRank> ranks = new CopyOnWriteArrayList<>();
  public volatile Leaderboard leaderboard = Leaderboard.empty();
  public volatile Optional<WeightsInfo> weights = Optional.empty();
  public final List<String> calls = new CopyOnWriteArrayList<>();
  private volatile KinitroException nextFailure;
  private final AtomicLong ids = new AtomicLong(100);

  public void failNext(KinitroException e) {
    nextFailure = e;
  }

  private void enter(String call) {
    calls.add(call);
    KinitroException f = nextFailure;
    if (f != null) {
      nextFailure = null;
      throw f;
    }
  }

  @Override
  public List<CompetitionInfo> competitions(boolean activeOnly) {
    enter("competitions");
    return competitions.stream().filter(c -> !activeOnly || c.active()).toList();
  }

  @Override
  public CompetitionInfo competition(String id) {
    enter("competition " + id);
    return competitions.stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new KinitroException(ErrorCode.NOT_FOUND, "no competition " + id));
  }

  @Override
  public Leaderboard leaderboard() {
    enter("leaderboard");
    return leaderboard;
  }

  @Override
  public List<SubmissionRank> submissionLeaderboard(Optional<String> competitionId) {
    enter("ranks");
    return ranks.stream().filter(r -> competitionId.map(r.competitionId()::equals).orElse(true)).toList();
  }

  @Override
  public Optional<WeightsInfo> weights() {
    enter("weights");
    return weights;
  }

  @Override
  public List<JobInfo> jobs(Optional<String> competitionId, Optional<String> submissionId) {
    enter("jobs");
    return jobs.stream().filter(j -> competitionId.map(j.competitionId()::equals).orElse(true))
        .filter(j -> submissionId.map(j.submissionId()::equals).orElse(true)).toList();
  }

  @Override
  public List<ResultInfo> results(String submissionId) {
    enter("results " + submissionId);
    return results.stream().filter(r -> r.submissionId().equals(submissionId)).toList();
  }

  @Override
  public List<EpisodeInfo> episodes(Optional<String> submissionId, Optional<String> jobId) {
    enter("episodes");
    return episodes.stream().filter(e -> submissionId.map(e.submissionId()::equals).orElse(true))
        .filter(e -> jobId.map(e.jobId()::equals).orElse(true)).toList();
  }

  @Override
  public List<StepInfo> steps(String episodeId) {
    enter("steps " + episodeId);
    return steps.getOrDefault(episodeId, List.of());
  }

  @Override
  public List<ValidatorInfo> validators() {
    enter("validators");
    return List.copyOf(validators);
  }

  @Override
  public List<LeaderCandidate> leaderCandidates(Optional<CandidateStatus> status) {
    enter("candidates");
    return candidates.stream().filter(c -> status.map(s -> c.status() == s).orElse(true)).toList();
  }

  @Override
  public LeaderCandidate leaderCandidate(String id) {
    enter("candidate " + id);
    return find(id);
  }

  @Override
  public LeaderCandidate approve(String id, String note) {
    enter("approve " + id + " " + note);
    return review(id, CandidateStatus.PENDING, CandidateStatus.APPROVED, note);
  }

  @Override
  public LeaderCandidate reject(String id, String note) {
    enter("reject " + id + " " + note);
    return review(id, CandidateStatus.PENDING, CandidateStatus.REJECTED, note);
  }

  @Override
  public LeaderCandidate unapprove(String id, String note) {
    enter("unapprove " + id + " " + note);
    LeaderCandidate c = find(id);
    if (c.status() != CandidateStatus.APPROVED) {
      throw new KinitroException(ErrorCode.CANDIDATE_NOT_APPROVED, "Leader candidate " + id + " is " + c.status()
          + "; only an approved candidate can be unapproved");
    }
    return review(id, CandidateStatus.APPROVED, CandidateStatus.PENDING, note);
  }

  private LeaderCandidate review(String id, CandidateStatus from, CandidateStatus to, String note) {
    LeaderCandidate c = find(id);
    if (c.status() != from) {
      throw new KinitroException(ErrorCode.CANDIDATE_ALREADY_REVIEWED, "Leader candidate " + id + " was already "
          + c.status().name().toLowerCase());
    }
    List<LeaderCandidate.Review> reviews = new ArrayList<>(c.reviews());
    reviews.add(new LeaderCandidate.Review(from, to, Optional.ofNullable(note), Optional.of("test admin"), Optional.of(Samples.T0)));
    LeaderCandidate next = new LeaderCandidate(c.id(), c.competitionId(), c.submissionId(), c.minerHotkey(), c.avgReward(),
        c.successRate(), c.score(), c.totalEpisodes(), c.validatorCount(), to, Optional.ofNullable(note),
        Optional.of(Samples.T0), c.createdAt(), reviews);
    candidates.replaceAll(x -> x.id().equals(id) ? next : x);
    return next;
  }

  private LeaderCandidate find(String id) {
    return candidates.stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new KinitroException(ErrorCode.NOT_FOUND, "no leader candidate " + id));
  }

  @Override
  public CompetitionInfo createCompetition(CompetitionDraft d) {
    enter("create competition " + d.name());
    check(d);
    CompetitionInfo c = info(Long.toString(ids.incrementAndGet()), d, true);
    competitions.add(c);
    return c;
  }

  @Override
  public CompetitionInfo updateCompetition(String id, CompetitionDraft d) {
    enter("update competition " + id);
    check(d);
    CompetitionInfo old = competition(id);
    CompetitionInfo c = info(id, d, old.active());
    competitions.replaceAll(x -> x.id().equals(id) ? c : x);
    return c;
  }

  @Override
  public CompetitionInfo setCompetitionActive(String id, boolean active) {
    enter((active ? "activate " : "deactivate ") + id);
    CompetitionInfo old = competition(id);
    CompetitionInfo c = info(id, CompetitionDraft.of(old), active);
    competitions.replaceAll(x -> x.id().equals(id) ? c : x);
    return c;
  }

  private static void check(CompetitionDraft d) {
    if (!d.benchmarks().isArray() || d.benchmarks().isEmpty()) {
      throw new KinitroException(ErrorCode.INVALID_BENCHMARK_SPEC, "benchmarks: at least one benchmark is needed");
    }
  }

  private static CompetitionInfo info(String id, CompetitionDraft d, boolean active) {
    return new CompetitionInfo(id, d.name(), d.description(), d.benchmarks(), d.points(), d.minAvgReward(), d.winMarginPct(),
        d.minSuccessRate(), d.submissionHoldoutSeconds(), d.submissionMaxSizeBytes(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), active, Optional.of(Samples.T0));
  }

  @Override
  public List<ApiKeyInfo> apiKeys() {
    enter("keys");
    return List.copyOf(keys);
  }

  @Override
  public List<JobInfo> allJobs(int max) {
    enter("all jobs " + max);
    return jobs.stream().limit(max).toList();
  }

  @Override
  public ApiKeyInfo createApiKey(String name, String role, String description, Optional<String> associatedHotkey,
      Optional<java.time.Instant> expiresAt) {
    enter("create key " + name + associatedHotkey.map(h -> " for " + h).orElse("")
        + expiresAt.map(t -> " until " + t).orElse(""));
    String id = Long.toString(ids.incrementAndGet());
    ApiKeyInfo k = new ApiKeyInfo(id, name, description, "kin_" + id, role, associatedHotkey, true, expiresAt,
        Optional.empty(), Optional.of(Samples.T0), Optional.of("kin_" + id + "_s3cr3t"));
    keys.add(withoutSecret(k, true));
    return k;
  }

  @Override
  public ApiKeyInfo activateApiKey(String id) {
    enter("activate key " + id);
    ApiKeyInfo k = keys.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    ApiKeyInfo next = withoutSecret(k, true);
    keys.replaceAll(x -> x.id().equals(id) ? next : x);
    return next;
  }

  @Override
  public ApiKeyInfo deactivateApiKey(String id) {
    enter("deactivate key " + id);
    ApiKeyInfo k = keys.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    ApiKeyInfo next = withoutSecret(k, false);
    keys.replaceAll(x -> x.id().equals(id) ? next : x);
    return next;
  }

  private static ApiKeyInfo withoutSecret(ApiKeyInfo k, boolean active) {
    return new ApiKeyInfo(k.id(), k.name(), k.description(), k.keyPrefix(), k.role(), k.associatedHotkey(), active,
        k.expiresAt(), k.lastUsedAt(), k.createdAt(), Optional.empty());
  }
}
