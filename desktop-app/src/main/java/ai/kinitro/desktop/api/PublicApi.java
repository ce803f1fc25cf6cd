package ai.kinitro.desktop.api;

import java.util.List;
import java.util.Optional;

/**
 * The public reads of the backend (no API key needed): what the spectator dashboard and the
 * wizard's follow step show. A port, so view models are tested with a hand-written fake. Every call
 * blocks on the network: call it through {@code BackgroundTasks}.
 */
public interface PublicApi {
  List<CompetitionInfo> competitions(boolean activeOnly);

  CompetitionInfo competition(String id);

  Leaderboard leaderboard();

  List<SubmissionRank> submissionLeaderboard(Optional<String> competitionId);

  /** The newest weights snapshot; empty before the backend computed one. */
  Optional<WeightsInfo> weights();

  /** Newest jobs first, filtered by competition and/or submission. */
  List<JobInfo> jobs(Optional<String> competitionId, Optional<String> submissionId);

  List<ResultInfo> results(String submissionId);

  List<EpisodeInfo> episodes(Optional<String> submissionId, Optional<String> jobId);

  List<StepInfo> steps(String episodeId);

  List<ValidatorInfo> validators();
}
