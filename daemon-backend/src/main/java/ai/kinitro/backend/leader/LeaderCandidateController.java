package ai.kinitro.backend.leader;

import ai.kinitro.backend.apikey.ApiKeyAuthInterceptor;
import ai.kinitro.backend.web.AdminOnly;
import ai.kinitro.backend.web.Filters;
import ai.kinitro.backend.web.Page;
import ai.kinitro.backend.web.Paging;
import ai.kinitro.common.protocol.realtime.CandidateStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin review of leader candidates. */
@AdminOnly
@RestController
@RequestMapping("/admin/leader-candidates")
@Tag(name = "admin: leader candidates")
class LeaderCandidateController {
  private final LeaderService leaders;

  LeaderCandidateController(LeaderService leaders) {
    this.leaders = leaders;
  }

  record ReviewRequest(String reason) {}

  @GetMapping
  Page<LeaderCandidateView> list(
      @RequestParam(name = "competition_id", required = false) Long competitionId,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "miner_hotkey", required = false) String minerHotkey,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    CandidateStatus parsed = Filters.parseEnum(status, CandidateStatus.class, "status", s -> CandidateStatus.valueOf(s.toUpperCase(Locale.ROOT)));
    return leaders.list(competitionId, parsed, minerHotkey, Paging.of(limit, offset)).map(c -> LeaderCandidateView.of(c, null));
  }

  @GetMapping("/{id}")
  @Operation(summary = "A candidate with its review audit trail")
  LeaderCandidateView get(@PathVariable long id) {
    return LeaderCandidateView.of(leaders.get(id), leaders.reviewsOf(id));
  }

  @PostMapping("/{id}/approve")
  @Operation(summary = "pending → approved; the candidate becomes the leader if it still meets the thresholds and beats the current leader by the margin")
  LeaderCandidateView approve(@PathVariable long id, @RequestBody(required = false) ReviewRequest body, HttpServletRequest request) {
    leaders.approve(id, reason(body), ApiKeyAuthInterceptor.principal(request));
    return get(id);
  }

  @PostMapping("/{id}/reject")
  @Operation(summary = "pending → rejected (final)")
  LeaderCandidateView reject(@PathVariable long id, @RequestBody(required = false) ReviewRequest body, HttpServletRequest request) {
    leaders.reject(id, reason(body), ApiKeyAuthInterceptor.principal(request));
    return get(id);
  }

  @PostMapping("/{id}/unapprove")
  @Operation(summary = "approved → pending; a current leader falls back to the latest other approved candidate, or none")
  LeaderCandidateView unapprove(@PathVariable long id, @RequestBody(required = false) ReviewRequest body, HttpServletRequest request) {
    leaders.unapprove(id, reason(body), ApiKeyAuthInterceptor.principal(request));
    return get(id);
  }

  private static String reason(ReviewRequest body) {
    return body == null ? null : body.reason();
  }
}
