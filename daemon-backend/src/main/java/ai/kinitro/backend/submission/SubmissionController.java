package ai.kinitro.backend.submission;

import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.job.JobQueries;
import ai.kinitro.backend.job.JobService;
import ai.kinitro.backend.job.JobView;
import ai.kinitro.backend.web.AdminOnly;
import ai.kinitro.backend.web.Page;
import ai.kinitro.backend.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Submissions: public reads (with evaluation status), revealed artifacts, admin rerun. */
@RestController
@RequestMapping("/submissions")
@Tag(name = "submissions")
class SubmissionController {
  private final SubmissionQueries queries;
  private final JobService jobs;
  private final JobQueries jobQueries;

  SubmissionController(SubmissionQueries queries, JobService jobs, JobQueries jobQueries) {
    this.queries = queries;
    this.jobs = jobs;
    this.jobQueries = jobQueries;
  }

  @GetMapping
  @Operation(summary = "List submissions with their evaluation status")
  Page<SubmissionView> list(
      @RequestParam(name = "competition_id", required = false) Long competitionId,
      @RequestParam(name = "miner_hotkey", required = false) String minerHotkey,
      @RequestParam(name = "sort_by", required = false) String sortBy,
      @RequestParam(name = "sort_direction", required = false) String sortDirection,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    return queries.list(competitionId, minerHotkey, false, false, sortBy, sortDirection, Paging.of(limit, offset));
  }

  @GetMapping("/revealed")
  @Operation(summary = "Submissions whose hold-out ended and whose artifact was released")
  Page<SubmissionView> revealed(
      @RequestParam(name = "competition_id", required = false) Long competitionId,
      @RequestParam(name = "miner_hotkey", required = false) String minerHotkey,
      @RequestParam(name = "only_active_urls", defaultValue = "false") boolean onlyActiveUrls,
      @RequestParam(name = "sort_by", required = false) String sortBy,
      @RequestParam(name = "sort_direction", required = false) String sortDirection,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    return queries.list(competitionId, minerHotkey, true, onlyActiveUrls, sortBy, sortDirection, Paging.of(limit, offset));
  }

  @GetMapping("/revealed/{id}")
  SubmissionView revealedOne(@PathVariable long id) {
    return queries.get(id, true);
  }

  @GetMapping("/{id}")
  SubmissionView get(@PathVariable long id) {
    return queries.get(id, false);
  }

  record RerunRequest(List<String> benchmarks) {}

  @AdminOnly
  @PostMapping("/{id}/rerun")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create new jobs for a submission from its competition's current benchmarks (all, or the named ones)")
  List<JobView> rerun(@PathVariable long id, @RequestBody(required = false) RerunRequest request) {
    List<Job> created = jobs.rerunSubmission(id, request == null ? null : request.benchmarks());
    return created.stream().map(j -> jobQueries.get(j.id())).toList();
  }
}
