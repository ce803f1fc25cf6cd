package ai.kinitro.miner.backend;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refusal as the backend sends it (RFC 9457 problem details with Kinitro's {@code code} number
 * and {@code error} name).
 *
 * @param status the HTTP status
 * @param code the backend's error number, when given
 * @param error the backend's error name, when given
 * @param detail the message
 */
public record BackendProblem(int status, Optional<Integer> code, Optional<String> error, String detail) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public BackendProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(detail, "detail");
  }

  /** Reads a problem from a response body; a body that is not a problem keeps a short excerpt as detail. */
  static BackendProblem parse(int status, String body) {
    try {
      JsonNode n = JSON.readTree(body);
      if (n != null && n.isObject()) {
        Optional<Integer> code = n.path("code").isIntegralNumber() ? Optional.of(n.path("code").asInt()) : Optional.empty();
        Optional<String> error = n.path("error").isString() ? Optional.of(n.path("error").asString()) : Optional.empty();
        String detail = n.path("detail").asString(n.path("message").asString(n.path("title").asString("")));
        return new BackendProblem(status, code, error, detail);
      }
    } catch (RuntimeException ignored) {
      // not JSON: fall through
    }
    String excerpt = body == null ? "" : body.strip();
    return new BackendProblem(status, Optional.empty(), Optional.empty(),
        excerpt.length() > 200 ? excerpt.substring(0, 200) + "..." : excerpt);
  }

  /** {@code HTTP 429 UPLOAD_RATE_LIMITED (4310): detail}. */
  public String describe() {
    return "HTTP " + status + error.map(e -> " " + e).orElse("") + code.map(c -> " (" + c + ")").orElse("")
        + (detail.isEmpty() ? "" : ": " + detail);
  }

  public boolean is(String name) {
    return error.filter(name::equals).isPresent();
  }
}
