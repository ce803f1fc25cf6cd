package ai.kinitro.backend.competition;

import ai.kinitro.backend.web.AdminOnly;
import ai.kinitro.backend.web.Page;
import ai.kinitro.backend.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Competitions: public reads, admin writes. */
@RestController
@RequestMapping("/competitions")
@Tag(name = "competitions")
class CompetitionController {
  private final CompetitionService competitions;

  CompetitionController(CompetitionService competitions) {
    this.competitions = competitions;
  }

  @GetMapping
  @Operation(summary = "List competitions in creation order")
  Page<CompetitionView> list(
      @RequestParam(name = "active_only", defaultValue = "false") boolean activeOnly,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    return competitions.list(activeOnly, Paging.of(limit, offset)).map(CompetitionView::of);
  }

  @GetMapping("/{id}")
  CompetitionView get(@PathVariable long id) {
    return CompetitionView.of(competitions.get(id));
  }

  @AdminOnly
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a competition; benchmark definitions are checked against the environment registry")
  CompetitionView create(@RequestBody CompetitionRequest request) {
    return CompetitionView.of(competitions.create(request));
  }

  @AdminOnly
  @PutMapping("/{id}")
  @Operation(summary = "Replace a competition's definition (leader and active flag are kept)")
  CompetitionView update(@PathVariable long id, @RequestBody CompetitionRequest request) {
    return CompetitionView.of(competitions.update(id, request));
  }

  @AdminOnly
  @PatchMapping("/{id}/activate")
  CompetitionView activate(@PathVariable long id) {
    return CompetitionView.of(competitions.setActive(id, true));
  }

  @AdminOnly
  @PatchMapping("/{id}/deactivate")
  CompetitionView deactivate(@PathVariable long id) {
    return CompetitionView.of(competitions.setActive(id, false));
  }

  @AdminOnly
  @DeleteMapping("/{id}")
  @Operation(summary = "Soft delete: same as deactivate (results and submissions are kept)")
  CompetitionView delete(@PathVariable long id) {
    return CompetitionView.of(competitions.setActive(id, false));
  }
}
