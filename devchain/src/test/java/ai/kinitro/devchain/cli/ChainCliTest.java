package ai.kinitro.devchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.cli.KinitroCli;
import ai.kinitro.devchain.DevChain;
import ai.kinitro.devchain.TestChains;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code kinitro chain ...} (the common CLI) against a running dev chain over a real socket. */
class ChainCliTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static DevChain chain;

  @BeforeAll
  static void start() {
    // A long weights rate limit: the refused second set comes after two whole CLI runs.
    chain = TestChains.fastWithLongRateLimit();
  }

  @AfterAll
  static void stop() {
    chain.close();
  }

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = KinitroCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void theMetagraphListsTheGenesisNeuronsWithTheirPermits() {
    Run run = run("chain", "metagraph", "--url", chain.url().toString(), "--netuid", "1", "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode graph = JSON.readTree(run.out());
    assertThat(graph.get("neurons").size()).isGreaterThanOrEqualTo(6);
    assertThat(graph.get("commit_reveal_enabled").asBoolean()).isFalse();
    assertThat(graph.get("neurons").findValuesAsString("hotkey"))
        .contains("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
  }

  @Test
  void aValidatorSetsWeightsAndASecondSetInsideTheRateLimitIsRefusedWithItsCode() {
    String url = chain.url().toString();
    Run first = run("chain", "set-weights", "--url", url, "--netuid", "1", "--uri", "//Bob", "--weights", "3=0.25,4=0.75", "--json");
    assertThat(first.exit()).as(first.err()).isZero();
    JsonNode result = JSON.readTree(first.out());
    assertThat(result.get("values").get(1).asInt()).isEqualTo(65535);
    Run weights = run("chain", "weights", "--url", url, "--netuid", "1", "--json");
    assertThat(weights.exit()).as(weights.err()).isZero();
    assertThat(JSON.readTree(weights.out()).get("rows").toString()).isEqualTo("[{\"uid\":1,\"weights\":{\"3\":21845,\"4\":65535}}]");

    Run second = run("chain", "set-weights", "--url", url, "--netuid", "1", "--uri", "//Bob", "--weights", "3=1");
    assertThat(second.exit()).isEqualTo(3);
    assertThat(second.err()).contains("CHAIN_RATE_LIMITED");
  }

  @Test
  void commitmentsOfAnEmptySubnetSaySo() {
    Run run = run("chain", "commitments", "--url", chain.url().toString(), "--netuid", "1");
    assertThat(run.exit()).as(run.err()).isZero();
  }
}
