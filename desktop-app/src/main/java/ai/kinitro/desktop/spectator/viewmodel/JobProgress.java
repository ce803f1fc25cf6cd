package ai.kinitro.desktop.spectator.viewmodel;

import java.util.Objects;

/**
 * A job as the dashboard shows it live.
 *
 * @param jobId the job
 * @param submissionId its submission
 * @param benchmark the benchmark it runs
 * @param status the latest status (with the validator, when per validator)
 * @param episodesDone episodes finished so far (over all validators)
 * @param totalEpisodes episodes expected per validator, 0 when unknown
 */
public record JobProgress(String jobId, String submissionId, String benchmark, String status, int episodesDone,
    int totalEpisodes) {
  public JobProgress {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(submissionId, "submissionId");
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(status, "status");
  }

  JobProgress withStatus(String next) {
    return new JobProgress(jobId, submissionId, benchmark, next, episodesDone, totalEpisodes);
  }

  JobProgress withEpisode() {
    return new JobProgress(jobId, submissionId, benchmark, status, episodesDone + 1, totalEpisodes);
  }

  /** Share done, 0..1, or -1 when the total is unknown. */
  public double fraction() {
    return totalEpisodes <= 0 ? -1 : Math.min(1, (double) episodesDone / totalEpisodes);
  }
}
