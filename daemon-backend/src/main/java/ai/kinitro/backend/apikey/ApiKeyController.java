package ai.kinitro.backend.apikey;

import ai.kinitro.backend.web.AdminOnly;
import ai.kinitro.backend.web.Page;
import ai.kinitro.backend.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin API for API keys. */
@AdminOnly
@RestController
@RequestMapping("/admin/api-keys")
@Tag(name = "admin: api keys")
class ApiKeyController {
  private final ApiKeyService keys;

  ApiKeyController(ApiKeyService keys) {
    this.keys = keys;
  }

  record CreateRequest(String name, String description, String role, String associatedHotkey, Instant expiresAt) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a key; the response carries the secret once")
  ApiKeyView create(@RequestBody CreateRequest request) {
    NewApiKey spec = new NewApiKey(request.name(), request.description(), ApiKeyRole.parse(request.role()),
        request.associatedHotkey(), request.expiresAt());
    return ApiKeyView.withSecret(keys.create(spec));
  }

  @GetMapping
  @Operation(summary = "List keys (no secrets)")
  Page<ApiKeyView> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset) {
    return keys.list(Paging.of(limit, offset)).map(ApiKeyView::of);
  }

  @GetMapping("/{id}")
  ApiKeyView get(@PathVariable long id) {
    return ApiKeyView.of(keys.get(id));
  }

  @PatchMapping("/{id}/activate")
  ApiKeyView activate(@PathVariable long id) {
    return ApiKeyView.of(keys.setActive(id, true));
  }

  @PatchMapping("/{id}/deactivate")
  ApiKeyView deactivate(@PathVariable long id) {
    return ApiKeyView.of(keys.setActive(id, false));
  }

  @DeleteMapping("/{id}")
  Map<String, String> delete(@PathVariable long id) {
    keys.delete(id);
    return Map.of("status", "deleted", "id", Long.toString(id));
  }
}
