package ai.kinitro.devchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DevChainMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return DevChainMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void devnetHelpNamesEveryOption() {
    assertThat(run("devnet", "--help")).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--genesis", "--port", "--data", "--block-time", "--ephemeral", "--manual");
  }

  @Test
  void aBlockTimeBelow250MillisecondsIsRefusedWithItsErrorCode() {
    assertThat(run("devnet", "--ephemeral", "--port", "0", "--block-time", "100ms")).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8)).contains("error 1161").contains("below the minimum of 250 ms");
  }

  @Test
  void aMissingGenesisFileIsReported() {
    assertThat(run("devnet", "--ephemeral", "--genesis", "/nonexistent/genesis.json")).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8)).contains("error 1160").contains("/nonexistent/genesis.json");
  }
}
