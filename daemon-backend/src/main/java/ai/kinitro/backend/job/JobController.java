package ai.kinitro.backend.job;

import ai.kinitro.backend.web.AdminOnly;
import ai.kinitro.backend.web.Filters;
import ai.kinitro.backend.web.Page;
import ai.kinitro.backend.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Jobs with per-validator status, their history, and admin reruns. */
@RestController
@Tag(name = "jobs")
class JobController {
  private final JobQueries queries;
  private final JobService jobs;

  JobController(JobQueries queries, JobService jobs) {
    this.queries = queries;
    this.jobs = jobs;
  }

  @GetMapping("/jobs")
  @Operation(summary = "List jobs, newest first, each with its status on every assigned validator")
  Page<JobView> list(
      @RequestParam(name = "competition_id", required = false) Long competitionId,
      @RequestParam(name = "submission_id", required = false) Long submissionId,
      @RequestParam(name = "miner_hotkey", required = false) String minerHotkey,
      @RequestParam(name = "benchmark_name", required = false) String benchmarkName,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    return queries.list(competitionId, submissionId, minerHotkey, benchmarkName, Paging.of(limit, offset));
  }

  @GetMapping("/jobs/{id}")
  JobView get(@PathVariable long id) {
    return queries.get(id);
  }

  @GetMapping("/jobs/{id}/status")
  @Operation(summary = "Status history of a job, newest first")
  Page<JobStatusEventView> history(@PathVariable long id,
      @RequestParam(name = "validator_hotkey", required = false) String validatorHotkey,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    return queries.history(id, validatorHotkey, null, Paging.of(limit, offset));
  }

  @GetMapping("/job-status")
  @Operation(summary = "Status history across jobs, newest first")
  Page<JobStatusEventView> allHistory(
      @RequestParam(name = "job_id", required = false) Long jobId,
      @RequestParam(name = "validator_hotkey", required = false) String validatorHotkey,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    AssignmentStatus parsed = Filters.parseEnum(status, AssignmentStatus.class, "status", s -> AssignmentStatus.valueOf(s.toUpperCase(java.util.Locale.ROOT)));
    return queries.history(jobId, validatorHotkey, parsed, Paging.of(limit, offset));
  }

  @AdminOnly
  @PostMapping("/jobs/{id}/rerun")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Rerun a job: same benchmark, new id and seeds")
  JobView rerun(@PathVariable long id) {
    return queries.get(jobs.rerunJob(id).id());
  }
}
