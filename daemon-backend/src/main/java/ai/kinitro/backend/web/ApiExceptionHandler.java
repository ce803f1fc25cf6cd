package ai.kinitro.backend.web;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure of a REST handler to an RFC 9457 {@link ProblemDetail} with our error {@code
 * code} and {@code error} name (see {@link HttpStatusMapping}). Framework errors caused by the
 * caller (unreadable body, bad parameter, unknown route) are USER errors, never 500s.
 */
@RestControllerAdvice
public class ApiExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(KinitroException.class)
  ResponseEntity<ProblemDetail> kinitro(KinitroException e) {
    if (e.code().category() == ai.kinitro.common.error.ErrorCategory.INTERNAL) {
      LOG.error("Internal error {}: {}", e.code(), e.getMessage(), e);
    }
    return respond(e.code(), e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof tools.jackson.core.JacksonException jackson) {
        var benchmark = ai.kinitro.backend.competition.BenchmarkValidator.readFailure(jackson);
        if (benchmark.isPresent()) {
          return respond(benchmark.get().code(), benchmark.get().getMessage());
        }
        break;
      }
    }
    KinitroException cause = findKinitroCause(e);
    if (cause != null) {
      return respond(cause.code(), cause.getMessage());
    }
    return respond(ErrorCode.INVALID_REQUEST_BODY, "The request body could not be read: " + shortMessage(e));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
    String detail = e.getBindingResult().getFieldErrors().stream()
        .map(f -> "'" + f.getField() + "' " + f.getDefaultMessage())
        .collect(Collectors.joining("; "));
    return respond(ErrorCode.INVALID_ARGUMENT, detail.isEmpty() ? "The request is invalid" : detail);
  }

  @ExceptionHandler({HandlerMethodValidationException.class, ConstraintViolationException.class})
  ResponseEntity<ProblemDetail> invalidParameters(Exception e) {
    return respond(ErrorCode.INVALID_ARGUMENT, "Invalid parameter: " + shortMessage(e));
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class, MissingRequestHeaderException.class})
  ResponseEntity<ProblemDetail> badParameter(Exception e) {
    if (e instanceof MethodArgumentTypeMismatchException m) {
      return respond(ErrorCode.INVALID_ARGUMENT, "Parameter '" + m.getName() + "' has an invalid value '" + m.getValue() + "'");
    }
    return respond(ErrorCode.INVALID_ARGUMENT, shortMessage(e));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noRoute(NoResourceFoundException e) {
    return respond(ErrorCode.NOT_FOUND, "No such resource: /" + e.getResourcePath());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    ResponseEntity<ProblemDetail> response = respond(ErrorCode.INVALID_ARGUMENT, e.getMessage());
    ProblemDetail body = response.getBody();
    body.setStatus(405);
    return ResponseEntity.status(405).body(body);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    ProblemDetail body = ProblemDetails.of(ErrorCode.INVALID_REQUEST_BODY, e.getMessage());
    body.setStatus(415);
    return ResponseEntity.status(415).body(body);
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
    LOG.info("Duplicate key: {}", shortMessage(e));
    return respond(ErrorCode.ALREADY_EXISTS, "An object with the same identity already exists");
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
    LOG.warn("Integrity violation reached the API (a validation is missing): {}", shortMessage(e));
    return respond(ErrorCode.CONFLICT, "The change conflicts with stored data");
  }

  @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class})
  ResponseEntity<ProblemDetail> database(Exception e) {
    LOG.error("Database unavailable", e);
    return respond(ErrorCode.DATABASE_UNAVAILABLE, "The database is unavailable; retry later");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    LOG.error("Unexpected error in a REST handler", e);
    return respond(ErrorCode.INTERNAL_ERROR, "Unexpected internal error");
  }

  static ResponseEntity<ProblemDetail> respond(ErrorCode code, String detail) {
    ProblemDetail problem = ProblemDetails.of(code, detail);
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  private static KinitroException findKinitroCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof KinitroException k) {
        return k;
      }
    }
    return null;
  }

  private static String shortMessage(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    message = newline > 0 ? message.substring(0, newline) : message;
    return message.length() > 300 ? message.substring(0, 300) + "..." : message;
  }
}
