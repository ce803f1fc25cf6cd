package ai.kinitro.backend.upload;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /submissions/request-upload}: a miner asks where to upload an archive; {@code POST
 * /submissions/uploads/{submission_id}/renew}: it asks for a fresh URL for its still-pending upload
 * when the first one expired during a slow upload.
 */
@RestController
class UploadController {
  private final UploadService uploads;

  UploadController(UploadService uploads) {
    this.uploads = uploads;
  }

  @PostMapping(path = "/submissions/request-upload", consumes = "application/json", produces = "application/json")
  ResponseEntity<UploadTicket> requestUpload(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
    UploadTicket ticket = uploads.requestUpload(request.getMethod(), signedPath(request), body == null ? new byte[0] : body,
        request::getHeader);
    return ResponseEntity.status(HttpStatus.CREATED).body(ticket);
  }

  @PostMapping(path = "/submissions/uploads/{submissionId}/renew", consumes = "application/json",
      produces = "application/json")
  ResponseEntity<UploadTicket> renewUpload(@PathVariable String submissionId, HttpServletRequest request,
      @RequestBody(required = false) byte[] body) {
    UploadTicket ticket = uploads.renewUpload(submissionId, request.getMethod(), signedPath(request),
        body == null ? new byte[0] : body, request::getHeader);
    return ResponseEntity.ok(ticket);
  }

  /** The path and query as the client signed them. */
  private static String signedPath(HttpServletRequest request) {
    return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
  }

  @ExceptionHandler(KinitroException.class)
  ResponseEntity<ProblemDetail> refused(KinitroException e) {
    HttpStatus status = statusOf(e.code());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(e.code().summary());
    problem.setType(URI.create("https://kinitro.ai/errors/" + e.code().number()));
    problem.setProperty("code", e.code().number());
    problem.setProperty("error", e.code().name());
    return ResponseEntity.status(status).body(problem);
  }

  static HttpStatus statusOf(ErrorCode code) {
    return switch (code) {
      case UNAUTHENTICATED, BAD_SIGNATURE, STALE_TIMESTAMP, NONCE_REUSED, BAD_DOMAIN, MALFORMED_SIGNED_REQUEST, INVALID_KEY ->
          HttpStatus.UNAUTHORIZED;
      case HOTKEY_NOT_REGISTERED, PERMISSION_DENIED, UPLOAD_NOT_OWNED -> HttpStatus.FORBIDDEN;
      case COMPETITION_NOT_FOUND, NOT_FOUND, UPLOAD_NOT_FOUND -> HttpStatus.NOT_FOUND;
      case COMPETITION_INACTIVE, COMPETITION_NOT_ACCEPTING, VERSION_ALREADY_SUBMITTED, CONFLICT, UPLOAD_NOT_PENDING,
          UPLOAD_RENEWAL_MISMATCH -> HttpStatus.CONFLICT;
      case UPLOAD_EXPIRED -> HttpStatus.GONE;
      case ARTIFACT_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
      case UPLOAD_RATE_LIMITED, RATE_LIMITED, CAPACITY_EXHAUSTED -> HttpStatus.TOO_MANY_REQUESTS;
      case VAULT_UNAVAILABLE, EXTERNAL_UNAVAILABLE, CHAIN_READ_FAILED -> HttpStatus.SERVICE_UNAVAILABLE;
      default -> code.category() == ai.kinitro.common.error.ErrorCategory.USER
          ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
    };
  }
}
