package ai.kinitro.evaluator.report;

import ai.kinitro.common.protocol.validator.ResultLogs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The bounded inline log sent with a job's {@code eval_result}: the failure reason, if any, then
 * the newest lines of the agent's combined output. The evaluator's machine belongs to the
 * validator operator, so this is all the backend will ever see of the agent's output.
 */
public final class InlineLogs {
  /** Lines of agent output asked for. */
  public static final int TAIL_LINES = 200;
  /** Bound of the whole text in UTF-8 bytes (well under the protocol's {@link ResultLogs#MAX_TEXT_BYTES}). */
  public static final int MAX_BYTES = 16 * 1024;

  private InlineLogs() {}

  /** With the default bounds. */
  public static Optional<ResultLogs> of(Optional<String> failure, List<String> agentOutput) {
    return of(failure, agentOutput, TAIL_LINES, MAX_BYTES);
  }

  /**
   * The inline log, or empty when there is neither a failure nor any output.
   *
   * @param failure the failure reason ({@code NAME (code): message})
   * @param agentOutput the last lines of the agent's output, oldest first; more than {@code maxLines}
   *     means older output exists and the oldest are left out
   */
  public static Optional<ResultLogs> of(Optional<String> failure, List<String> agentOutput, int maxLines, int maxBytes) {
    if (maxBytes > ResultLogs.MAX_TEXT_BYTES || maxBytes < 64 || maxLines < 1) {
      throw new IllegalArgumentException("bounds out of range: " + maxLines + " lines, " + maxBytes + " bytes");
    }
    boolean truncated = agentOutput.size() > maxLines;
    String header = failure.map(f -> "failure: " + clip(f.strip(), maxBytes / 2) + "\n").orElse("");
    int budget = maxBytes - bytes(header);
    List<String> wanted = agentOutput.subList(Math.max(0, agentOutput.size() - maxLines), agentOutput.size());
    Deque<String> kept = new ArrayDeque<>();
    String title = "--- agent output, last %d lines ---\n";
    budget -= bytes(title.formatted(wanted.size()));
    for (int i = wanted.size() - 1; i >= 0; i--) {
      String line = wanted.get(i) + "\n";
      int size = bytes(line);
      if (size <= budget) {
        kept.addFirst(line);
        budget -= size;
        continue;
      }
      if (kept.isEmpty() && budget > 4) {
        kept.addFirst(clipFront(line, budget));
      }
      truncated = true;
      break;
    }
    StringBuilder text = new StringBuilder(header);
    if (!kept.isEmpty()) {
      text.append(title.formatted(kept.size()));
      kept.forEach(text::append);
    }
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ResultLogs(Optional.of(text.toString()), truncated, Optional.empty()));
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The start of {@code s} within {@code maxBytes} UTF-8 bytes (never splitting a character), marked as cut. */
  private static String clip(String s, int maxBytes) {
    if (bytes(s) <= maxBytes) {
      return s;
    }
    int used = 3;
    int end = 0;
    while (end < s.length()) {
      int cp = s.codePointAt(end);
      int size = utf8Length(cp);
      if (used + size > maxBytes) {
        break;
      }
      used += size;
      end += Character.charCount(cp);
    }
    return s.substring(0, end) + "...";
  }

  /** The end of {@code s} within {@code maxBytes} UTF-8 bytes (never splitting a character), marked as cut. */
  private static String clipFront(String s, int maxBytes) {
    int used = 3;
    int start = s.length();
    while (start > 0) {
      int cp = s.codePointBefore(start);
      int size = utf8Length(cp);
      if (used + size > maxBytes) {
        break;
      }
      used += size;
      start -= Character.charCount(cp);
    }
    return "..." + s.substring(start);
  }

  private static int utf8Length(int codePoint) {
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
}
