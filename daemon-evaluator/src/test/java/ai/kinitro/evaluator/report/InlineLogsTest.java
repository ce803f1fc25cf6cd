package ai.kinitro.evaluator.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.validator.ResultLogs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InlineLogsTest {
  private static ResultLogs inline(String text, boolean truncated) {
    return new ResultLogs(Optional.of(text), truncated, Optional.empty());
  }

  @Test
  void theFailureReasonComesFirstThenTheAgentsOutput() {
    assertThat(InlineLogs.of(Optional.of("AGENT_CRASHED (1421): the agent exited with status 139"), List.of("loading policy", "boom")))
        .contains(inline("""
            failure: AGENT_CRASHED (1421): the agent exited with status 139
            --- agent output, last 2 lines ---
            loading policy
            boom
            """, false));
  }

  @Test
  void moreLinesThanTheBoundKeepTheNewestAndSayTheOutputWasCut() {
    assertThat(InlineLogs.of(Optional.empty(), List.of("1", "2", "3"), 2, 1024))
        .contains(inline("--- agent output, last 2 lines ---\n2\n3\n", true));
  }

  @Test
  void theByteBoundKeepsTheNewestWholeLinesThatFit() {
    List<String> lines = IntStream.range(0, 10).mapToObj(i -> i + "x".repeat(99)).toList();

    ResultLogs logs = InlineLogs.of(Optional.empty(), lines, 100, 300).orElseThrow();

    assertThat(logs).isEqualTo(inline("--- agent output, last 2 lines ---\n" + lines.get(8) + "\n" + lines.get(9) + "\n", true));
    assertThat(logs.text().orElseThrow().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(300);
  }

  @Test
  void aSingleHugeLineIsCutAtTheFrontWithoutSplittingACharacter() {
    String line = "\u20ac".repeat(1000);

    ResultLogs logs = InlineLogs.of(Optional.empty(), List.of(line), 10, 200).orElseThrow();

    String title = "--- agent output, last 1 lines ---\n";
    int euros = (200 - title.length() - 3 - 1) / 3;
    assertThat(logs).isEqualTo(inline(title + "..." + "\u20ac".repeat(euros) + "\n", true));
  }

  @Test
  void aLongFailureReasonIsClippedToHalfTheBound() {
    ResultLogs logs = InlineLogs.of(Optional.of("r".repeat(500)), List.of(), 10, 200).orElseThrow();

    assertThat(logs).isEqualTo(inline("failure: " + "r".repeat(97) + "...\n", false));
  }

  @Test
  void noFailureAndNoOutputMeansNoLogs() {
    assertThat(InlineLogs.of(Optional.empty(), List.of())).isEmpty();
    assertThat(InlineLogs.of(Optional.of("TIMEOUT (2130): too slow"), List.of())).contains(inline("failure: TIMEOUT (2130): too slow\n", false));
  }
}
