package ai.kinitro.platform.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
  @TempDir Path dir;

  @Test
  void returnsTheLastLinesOfALog() throws Exception {
    Path log = dir.resolve("a.log");
    Files.writeString(log, "one\ntwo\nthree\nfour\n");

    assertThat(LogTail.read(log, 2)).isEqualTo("three" + System.lineSeparator() + "four");
  }

  @Test
  void readsOnlyTheEndOfAHugeLogAndDropsTheCutLine() throws Exception {
    Path log = dir.resolve("big.log");
    Files.writeString(log, IntStream.range(0, 100_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")));

    assertThat(LogTail.read(log, 3)).isEqualTo(String.join(System.lineSeparator(), "line 99997", "line 99998", "line 99999"));
  }

  @Test
  void saysSoWhenThereIsNoLog() {
    assertThat(LogTail.read(dir.resolve("none.log"), 5)).isEqualTo("(no log at " + dir.resolve("none.log") + ")");
  }
}
