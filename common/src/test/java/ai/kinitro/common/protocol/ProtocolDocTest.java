package ai.kinitro.common.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/protocol.md shows every example file verbatim, in a json block right after a marker {@code
 * <!-- example: validator/eval_job -->}, so the doc cannot drift from what the tests check.
 */
class ProtocolDocTest {
  private static final Pattern EXAMPLE =
      Pattern.compile("<!-- example: (\\S+) -->\\n```json\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyExampleFileAppearsVerbatimInTheProtocolDocAndNothingElseIsAnExample() throws IOException {
    String doc = Files.readString(ExampleFiles.protocolDoc(), UTF_8);
    if (ExampleFiles.updating()) {
      doc = refreshedDoc(doc);
      Files.writeString(ExampleFiles.protocolDoc(), doc, UTF_8);
    }
    List<String> documented = new ArrayList<>();
    Matcher m = EXAMPLE.matcher(doc);
    while (m.find()) {
      documented.add(m.group(1));
      assertThat(m.group(2)).as("example block %s in docs/protocol.md", m.group(1)).isEqualTo(ExampleFiles.readSource(m.group(1)));
    }
    assertThat(documented).containsExactlyInAnyOrderElementsOf(ExampleFiles.allNames());
  }

  private static String refreshedDoc(String doc) {
    Matcher m = EXAMPLE.matcher(doc);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String block = "<!-- example: " + m.group(1) + " -->\n```json\n" + ExampleFiles.readSource(m.group(1)) + "```";
      m.appendReplacement(out, Matcher.quoteReplacement(block));
    }
    m.appendTail(out);
    return out.toString();
  }
}
