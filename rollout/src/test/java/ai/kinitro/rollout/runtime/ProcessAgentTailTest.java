package ai.kinitro.rollout.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's log tail: whole lines from the end of its log file, within a byte window. */
class ProcessAgentTailTest {
  @TempDir Path dir;

  @Test
  void aSmallLogIsReadWholeAndCutToTheNewestLines() throws IOException {
    Path log = write("one\ntwo\nthree\n");

    assertThat(ProcessAgent.tail(log, 2, 1024)).containsExactly("two", "three");
    assertThat(ProcessAgent.tail(log, 10, 1024)).containsExactly("one", "two", "three");
  }

  @Test
  void aWindowThatStartsInsideALineOrACharacterKeepsOnlyWholeLines() throws IOException {
    // 100 lines of "line NN äöü" (two-byte characters), then a window that starts mid-line.
    String text = IntStream.range(0, 100).mapToObj(i -> "line %02d äöü".formatted(i)).collect(Collectors.joining("\n"));
    Path log = write(text + "\n");
    int lineBytes = "line 00 äöü\n".getBytes(StandardCharsets.UTF_8).length;

    List<String> tail = ProcessAgent.tail(log, 1000, lineBytes * 3 + 5);

    assertThat(tail).containsExactly("line 97 äöü", "line 98 äöü", "line 99 äöü");
  }

  @Test
  void aSingleLineLongerThanTheWindowIsKeptClipped() throws IOException {
    Path log = write("x".repeat(5000));

    assertThat(ProcessAgent.tail(log, 10, 100)).containsExactly("x".repeat(100));
  }

  @Test
  void anUnreadableLogGivesNoLines() {
    assertThat(ProcessAgent.tail(dir.resolve("missing.log"), 10, 100)).isEmpty();
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("agent.log"), text, StandardCharsets.UTF_8);
  }
}
