package ai.kinitro.backend.result;

import ai.kinitro.backend.job.AssignmentStatus;
import ai.kinitro.backend.web.Filters;
import ai.kinitro.backend.web.Page;
import ai.kinitro.backend.web.Paging;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reads of results, episodes and logged steps. */
@RestController
@Tag(name = "results")
class ResultController {
  private final JdbcAggregateOperations template;
  private final ResultRepository results;
  private final EpisodeRepository episodes;
  private final ResultLogsService logs;
  private final FrameUrls frames;

  ResultController(JdbcAggregateOperations template, ResultRepository results, EpisodeRepository episodes, ResultLogsService logs,
      FrameUrls frames) {
    this.template = template;
    this.results = results;
    this.episodes = episodes;
    this.logs = logs;
    this.frames = frames;
  }

  @GetMapping("/results")
  @Operation(summary = "List results, newest first")
  Page<ResultView> list(
      @RequestParam(name = "job_id", required = false) Long jobId,
      @RequestParam(name = "submission_id", required = false) Long submissionId,
      @RequestParam(name = "competition_id", required = false) Long competitionId,
      @RequestParam(name = "miner_hotkey", required = false) String minerHotkey,
      @RequestParam(name = "validator_hotkey", required = false) String validatorHotkey,
      @RequestParam(name = "benchmark_name", required = false) String benchmarkName,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    AssignmentStatus parsed = Filters.parseEnum(status, AssignmentStatus.class, "status", s -> AssignmentStatus.valueOf(s.toUpperCase(Locale.ROOT)));
    return Filters.where().eq("jobId", jobId).eq("submissionId", submissionId).eq("competitionId", competitionId)
        .eq("minerHotkey", minerHotkey).eq("validatorHotkey", validatorHotkey).eq("benchmarkName", benchmarkName).eq("status", parsed)
        .page(template, Result.class, Sort.by(Sort.Direction.DESC, "resultTime", "id"), Paging.of(limit, offset))
        .map(ResultView::of);
  }

  @GetMapping("/results/{id}")
  ResultView get(@PathVariable long id) {
    return results.findById(id).map(ResultView::of)
        .orElseThrow(() -> new KinitroException(ErrorCode.NOT_FOUND, "No result with id " + id));
  }

  @GetMapping("/results/{id}/logs")
  @Operation(summary = "Logs of a result: the evaluator's inline log and, if reported, where its log bundle is")
  ResultLogsView resultLogs(@PathVariable long id) {
    return logs.ofResult(id);
  }

  @GetMapping("/jobs/{id}/logs")
  @Operation(summary = "Logs of the newest result of a job that has logs (optionally of one validator)")
  ResultLogsView jobLogs(@PathVariable long id, @RequestParam(name = "validator_hotkey", required = false) String validatorHotkey) {
    return logs.ofJob(id, java.util.Optional.ofNullable(validatorHotkey));
  }

  @GetMapping("/submissions/{id}/logs")
  @Operation(summary = "Logs of the newest result of a submission that has logs (optionally of one validator)")
  ResultLogsView submissionLogs(@PathVariable long id,
      @RequestParam(name = "validator_hotkey", required = false) String validatorHotkey) {
    return logs.ofSubmission(id, java.util.Optional.ofNullable(validatorHotkey));
  }

  @GetMapping("/episodes")
  @Operation(summary = "List episode summaries")
  Page<EpisodeView> episodes(
      @RequestParam(name = "job_id", required = false) Long jobId,
      @RequestParam(name = "submission_id", required = false) Long submissionId,
      @RequestParam(name = "validator_hotkey", required = false) String validatorHotkey,
      @RequestParam(name = "task_id", required = false) String taskId,
      @RequestParam(required = false) Boolean success,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    return Filters.where().eq("jobId", jobId).eq("submissionId", submissionId).eq("validatorHotkey", validatorHotkey)
        .eq("taskId", taskId).eq("success", success)
        .page(template, Episode.class, Sort.by(Sort.Direction.ASC, "jobId", "validatorHotkey", "taskId", "episodeIndex"), Paging.of(limit, offset))
        .map(EpisodeView::of);
  }

  @GetMapping("/episodes/{id}")
  EpisodeView episode(@PathVariable long id) {
    return episodes.findById(id).map(EpisodeView::of)
        .orElseThrow(() -> new KinitroException(ErrorCode.NOT_FOUND, "No episode with id " + id));
  }

  @GetMapping("/episodes/{id}/steps")
  @Operation(summary = "Logged steps of an episode, in step order; frames in this backend's vault bucket get a signed URL")
  Page<EpisodeStepView> steps(@PathVariable long id, @RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset) {
    if (!episodes.existsById(id)) {
      throw new KinitroException(ErrorCode.NOT_FOUND, "No episode with id " + id);
    }
    return Filters.where().eq("episodeId", id)
        .page(template, EpisodeStep.class, Sort.by(Sort.Direction.ASC, "step"), Paging.of(limit, offset))
        .map(s -> EpisodeStepView.of(s, frames));
  }
}
