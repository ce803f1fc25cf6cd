package ai.kinitro.backend.scoring;

import ai.kinitro.backend.job.AssignmentStatus;
import ai.kinitro.backend.job.FailureClass;
import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.result.Result;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns results into one {@link SubmissionAggregate} per submission (pure; fix for §10 #3).
 *
 * <p>A validator <em>contributes</em> to a submission when it has a COMPLETED result for every
 * current job of the submission (one per benchmark); its contribution is the mean over those jobs
 * of avg_reward, success_rate and score, and the sum of episodes. A validator that reported a
 * FAILED or TIMEOUT with failure class AGENT on a current job counts as an agent failure.
 * Platform faults and incomplete evaluations are ignored (they are retried). The aggregate is the
 * median over contributing validators.
 */
final class ResultAggregator {
  private ResultAggregator() {}

  static List<SubmissionAggregate> aggregate(List<Job> currentJobs, List<Result> results) {
    Map<Long, Set<Long>> jobsBySubmission = currentJobs.stream()
        .collect(Collectors.groupingBy(Job::submissionId, TreeMap::new, Collectors.mapping(Job::id, Collectors.toSet())));
    Map<Long, String> minerBySubmission = new HashMap<>();
    currentJobs.forEach(j -> minerBySubmission.put(j.submissionId(), j.minerHotkey()));
    Map<Long, Map<String, List<Result>>> bySubmissionAndValidator = new HashMap<>();
    for (Result r : results) {
      if (jobsBySubmission.getOrDefault(r.submissionId(), Set.of()).contains(r.jobId())) {
        bySubmissionAndValidator.computeIfAbsent(r.submissionId(), k -> new LinkedHashMap<>())
            .computeIfAbsent(r.validatorHotkey(), k -> new ArrayList<>()).add(r);
      }
    }
    List<SubmissionAggregate> aggregates = new ArrayList<>();
    for (Map.Entry<Long, Set<Long>> entry : jobsBySubmission.entrySet()) {
      long submissionId = entry.getKey();
      Set<Long> jobIds = entry.getValue();
      List<Double> rewards = new ArrayList<>();
      List<Double> successes = new ArrayList<>();
      List<Double> scores = new ArrayList<>();
      List<Double> episodes = new ArrayList<>();
      int agentFailures = 0;
      for (List<Result> ofValidator : bySubmissionAndValidator.getOrDefault(submissionId, Map.of()).values()) {
        boolean agentFault = ofValidator.stream().anyMatch(r -> r.failureClass() == FailureClass.AGENT
            && (r.status() == AssignmentStatus.FAILED || r.status() == AssignmentStatus.TIMEOUT));
        if (agentFault) {
          agentFailures++;
          continue;
        }
        Map<Long, Result> completedByJob = ofValidator.stream().filter(r -> r.status() == AssignmentStatus.COMPLETED)
            .collect(Collectors.toMap(Result::jobId, r -> r, (a, b) -> a.id() > b.id() ? a : b));
        if (!completedByJob.keySet().containsAll(jobIds)) {
          continue;
        }
        List<Result> used = completedByJob.values().stream().sorted(Comparator.comparingLong(Result::jobId)).toList();
        rewards.add(used.stream().mapToDouble(Result::avgReward).average().orElseThrow());
        successes.add(used.stream().mapToDouble(Result::successRate).average().orElseThrow());
        scores.add(used.stream().mapToDouble(r -> r.score() == null ? r.avgReward() : r.score()).average().orElseThrow());
        episodes.add((double) used.stream().mapToInt(r -> r.totalEpisodes() == null ? 0 : r.totalEpisodes()).sum());
      }
      if (rewards.isEmpty() && agentFailures == 0) {
        continue;
      }
      String miner = minerBySubmission.get(submissionId);
      if (rewards.isEmpty()) {
        aggregates.add(new SubmissionAggregate(submissionId, miner, Double.NaN, 0, Double.NaN, 0, 0, agentFailures));
      } else {
        aggregates.add(new SubmissionAggregate(submissionId, miner, Median.of(rewards), Median.of(successes), Median.of(scores),
            (int) Math.round(Median.of(episodes)), rewards.size(), agentFailures));
      }
    }
    return aggregates;
  }
}
