package ai.kinitro.common.agent;

import ai.kinitro.common.error.ErrorCategory;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;

/**
 * The one place where our {@link ErrorCode}s meet gRPC {@link Status}es on the agent protocol.
 *
 * <p>Server side (the agent): {@link #toStatus} turns any failure into a status whose trailers
 * carry the error code number in {@link #ERROR_CODE_KEY}.
 *
 * <p>Client side (the evaluator): {@link #fromStatus} classifies a failed call. The agent is
 * untrusted, so the code it reports is never believed: whatever it claims, a failed call is an
 * agent fault ({@code AGENT_*}, category USER). Otherwise an agent could report a platform fault
 * and have its failures retried instead of scored. The reported code is kept only for the message.
 */
public final class AgentStatus {
  /** Trailer carrying the numeric {@link ErrorCode} a server reports. */
  public static final Metadata.Key<String> ERROR_CODE_KEY =
      Metadata.Key.of("kinitro-error-code", Metadata.ASCII_STRING_MARSHALLER);

  private static final int MAX_REPORTED_MESSAGE = 500;

  private AgentStatus() {}

  /** The gRPC status code an error code is reported with. */
  public static Status.Code statusCode(ErrorCode code) {
    return switch (code) {
      case NOT_FOUND -> Status.Code.NOT_FOUND;
      case ALREADY_EXISTS -> Status.Code.ALREADY_EXISTS;
      case CONFLICT -> Status.Code.FAILED_PRECONDITION;
      case UNAUTHENTICATED -> Status.Code.UNAUTHENTICATED;
      case PERMISSION_DENIED -> Status.Code.PERMISSION_DENIED;
      case TIMEOUT, AGENT_TIMEOUT, ROLLOUT_DEADLINE_EXCEEDED -> Status.Code.DEADLINE_EXCEEDED;
      default -> switch (code.category()) {
        case USER -> Status.Code.INVALID_ARGUMENT;
        case INTERNAL -> Status.Code.INTERNAL;
        case EXTERNAL -> Status.Code.UNAVAILABLE;
        case RESOURCES -> Status.Code.RESOURCE_EXHAUSTED;
      };
    };
  }

  /** A failure on the server side as the status to send; anything but a KinitroException is INTERNAL. */
  public static StatusRuntimeException toStatus(Throwable failure) {
    ErrorCode code = failure instanceof KinitroException k ? k.code() : ErrorCode.INTERNAL_ERROR;
    String message = failure instanceof KinitroException
        ? failure.getMessage()
        : failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    Metadata trailers = new Metadata();
    trailers.put(ERROR_CODE_KEY, Integer.toString(code.number()));
    return Status.fromCode(statusCode(code)).withDescription(message).withCause(failure).asRuntimeException(trailers);
  }

  /** The error code a server reported in its trailers, if any and if we know it. */
  public static Optional<ErrorCode> reportedCode(StatusRuntimeException e) {
    Metadata trailers = e.getTrailers();
    if (trailers == null) {
      return Optional.empty();
    }
    String value = trailers.get(ERROR_CODE_KEY);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return ErrorCode.fromNumber(Integer.parseInt(value.trim()));
    } catch (NumberFormatException ignored) {
      return Optional.empty();
    }
  }

  /**
   * Classifies a failed call to an agent as an agent fault. {@code call} names the RPC for the
   * message (e.g. {@code "Act"}).
   */
  public static KinitroException fromStatus(String call, StatusRuntimeException e) {
    Status status = e.getStatus();
    ErrorCode code = switch (status.getCode()) {
      case DEADLINE_EXCEEDED -> ErrorCode.AGENT_TIMEOUT;
      case UNAVAILABLE -> ErrorCode.AGENT_CRASHED;
      default -> ErrorCode.AGENT_CALL_FAILED;
    };
    String reported = reportedCode(e).map(c -> " (agent reported " + c + "/" + c.number() + ")").orElse("");
    String description = status.getDescription() == null ? "" : ": " + sanitize(status.getDescription());
    String message = switch (code) {
      case AGENT_TIMEOUT -> "The agent did not answer " + call + " in time" + description;
      case AGENT_CRASHED -> "The agent's connection broke during " + call + description;
      default -> "The agent answered " + call + " with " + status.getCode() + description + reported;
    };
    assert code.category() == ErrorCategory.USER;
    return new KinitroException(code, message, e);
  }

  /** Agent-supplied text goes into our logs: keep it short and printable. */
  static String sanitize(String text) {
    StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_REPORTED_MESSAGE + 3));
    for (int i = 0; i < text.length() && b.length() < MAX_REPORTED_MESSAGE; i++) {
      char c = text.charAt(i);
      b.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (text.length() > MAX_REPORTED_MESSAGE) {
      b.append("...");
    }
    return b.toString();
  }
}
