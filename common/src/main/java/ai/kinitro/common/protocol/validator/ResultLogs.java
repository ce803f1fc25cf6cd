package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.Fields;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Logs of one job outcome, carried by {@code eval_result} (optional). The evaluator's machine and
 * its object store belong to the validator operator, so the backend cannot fetch anything from
 * them: what a reader should see travels inline, bounded, and a bigger log bundle is only
 * referenced.
 *
 * @param text the inline log: the failure reason (if any), then the newest lines of the agent's
 *     output; at most {@link #MAX_TEXT_BYTES} UTF-8 bytes
 * @param truncated true when older output was left out to respect the bounds
 * @param artifact a log bundle the validator stored elsewhere, if any
 */
public record ResultLogs(Optional<String> text, boolean truncated, Optional<LogArtifact> artifact) {
  /** Bound of {@code text}, in UTF-8 bytes (the whole frame is limited to 1 MiB). */
  public static final int MAX_TEXT_BYTES = 64 * 1024;

  public ResultLogs {
    text = Fields.optional(text);
    artifact = Fields.optional(artifact);
    text.ifPresent(t -> {
      if (t.isEmpty()) {
        throw Fields.invalid("logs.text", "must not be empty (omit it instead)");
      }
      if (t.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
        throw Fields.invalid("logs.text", "is longer than " + MAX_TEXT_BYTES + " UTF-8 bytes");
      }
    });
    if (text.isEmpty() && artifact.isEmpty()) {
      throw Fields.invalid("logs", "must carry 'text' or 'artifact' (omit 'logs' when there are none)");
    }
  }
}
