package ai.kinitro.backend.web;

import ai.kinitro.common.error.ErrorCode;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds our RFC 9457 problem documents: {@code type}, {@code title}, {@code status}, {@code detail}, plus {@code code} (number) and {@code error} (name). */
public final class ProblemDetails {
  /** Base of the {@code type} URI; the error name is appended. */
  public static final String TYPE_BASE = "https://kinitro.ai/errors/";

  private ProblemDetails() {}

  public static ProblemDetail of(ErrorCode code, String detail) {
    HttpStatus status = HttpStatusMapping.statusOf(code);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
    problem.setTitle(code.summary());
    problem.setProperty("code", code.number());
    problem.setProperty("error", code.name());
    return problem;
  }
}
