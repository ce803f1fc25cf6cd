package ai.kinitro.miner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.client.BlockRef;
import ai.kinitro.common.chain.client.ChainClient;
import ai.kinitro.common.chain.client.SubstrateChainClient;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.devchain.DevChain;
import ai.kinitro.devchain.DevChainConfig;
import ai.kinitro.miner.backend.BackendClient;
import ai.kinitro.miner.testing.FakeBackend;
import ai.kinitro.miner.wallet.Hotkeys;
import ai.kinitro.testsupport.agent.TestAgentProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The miner's whole path through the command line, over real sockets: init, build, check,
 * local-eval, package (twice), upload to a stand-in of the backend's upload edge, commit on the
 * embedded dev chain, status.
 */
@Tag("slow")
class MinerCliFlowTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;
  private FakeBackend backend;
  private DevChain chain;

  record Run(int exit, String out, String err) {
    JsonNode json() {
      return JSON.readTree(out);
    }
  }

  @BeforeEach
  void start() throws IOException {
    backend = new FakeBackend();
    backend.register(ss58Of("//Dave"));
    backend.maxSizeBytes = 100_000_000; // the Java template ships gRPC and protobuf in lib/
    backend.benchmarks = JSON.readTree("""
        [{"provider":"classic","benchmark_name":"cartpole","env_names":["CartPole-v1"],"tasks_per_env":2,
          "episodes_per_task":1,"max_episode_steps":50,"camera_names":["default"],"config":{"image_size":84}}]""");
    chain = DevChain.start(DevChainConfig.forTests().withBlockTime(Duration.ofMillis(250)));
  }

  @AfterEach
  void stop() {
    backend.close();
    chain.close();
  }

  private static String ss58Of(String uri) {
    return ai.kinitro.common.crypto.Ss58.encode(SecretUri.parse(uri).publicKey());
  }

  private Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = new CliContext(env, tmp.resolve("home"), tmp, Hotkeys.passwords(env, null), false,
        BackendClient.defaultHttpClient(), SubstrateChainClient::connect, Clock.systemUTC());
    List<String> all = new ArrayList<>(List.of(args));
    int exit = MinerCli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), ctx);
    return new Run(exit, out.toString(), err.toString());
  }

  /** Every command runs with the project's miner.toml, pointed at the stand-in backend and the dev chain. */
  private Run miner(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "--config", "agent/miner.toml", "--backend", backend.url().toString(),
        "--chain", chain.url().toString(), "--json"));
    all.addAll(List.of(args));
    return run(Map.of(), all.toArray(String[]::new));
  }

  @Test
  void fromInitToACommittedSubmission() throws IOException {
    Run init = run(Map.of(), "init", "agent", "--template", "java", "--java", TestAgentProject.JAVA, "--competition",
        FakeBackend.COMPETITION, "--json");
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(init.json().path("runnable").asBoolean()).isTrue();
    Path agent = tmp.resolve("agent");
    TestAgentProject.build(agent); // what 'mvn -q package' does in the project

    Run check = miner("check");
    assertThat(check.exit()).as(check.err()).isZero();
    assertThat(check.json().path("agent_name").asString()).isEqualTo("my-agent/1");

    Run eval = miner("local-eval", "--seed", "11", "--frame-interval", "25");
    assertThat(eval.exit()).as(eval.err()).isZero();
    assertThat(eval.json().path("benchmarks").get(0).path("total_episodes").asInt()).isEqualTo(2);
    assertThat(eval.err()).contains("cartpole 100% (2 episodes / 2 episodes)");
    assertThat(Path.of(eval.json().path("summary").asString())).exists();

    Run first = miner("package");
    byte[] firstBytes = Files.readAllBytes(agent.resolve("submission.tar.gz"));
    Run second = miner("package");
    assertThat(second.json().path("sha256")).isEqualTo(first.json().path("sha256"));
    assertThat(Files.readAllBytes(agent.resolve("submission.tar.gz"))).isEqualTo(firstBytes);

    Run upload = miner("upload", "--version", "v1");
    assertThat(upload.exit()).as(upload.err()).isZero();
    String submission = upload.json().path("submission_id").asString();
    assertThat(upload.json().path("sha256")).isEqualTo(first.json().path("sha256"));
    assertThat(backend.stored().values()).singleElement().isEqualTo(firstBytes);
    assertThat(upload.err()).contains("upload 100%");

    Run commit = miner("commit");
    assertThat(commit.exit()).as(commit.err()).isZero();
    String expected = "k1:" + FakeBackend.COMPETITION + ":" + submission;
    assertThat(commit.json().path("commitment").asString()).isEqualTo(expected);
    try (ChainClient client = SubstrateChainClient.connect(chain.url())) {
      assertThat(client.commitment(1, new AccountId(SecretUri.parse("//Dave").publicKey()), BlockRef.best())
          .flatMap(c -> c.firstRawText())).contains(expected);
    }

    Run status = miner("status", "--once");
    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(status.json().path("submission_id").asString()).isEqualTo(submission);
    assertThat(status.err()).contains("is not in the backend yet");
  }

  @Test
  void anEncryptedWalletWithTheWrongPasswordStopsTheUploadWithAUserError() throws IOException {
    ai.kinitro.common.wallet.KeyfileContents contents =
        new ai.kinitro.common.wallet.KeyfileContents(null, null, null, new byte[32], null);
    ai.kinitro.common.wallet.KeyfileWriter.writeEncrypted(tmp.resolve("wallets/miner/hotkeys/default"), contents,
        "right".toCharArray(), false);
    Path agent = Files.createDirectories(tmp.resolve("a"));
    Files.writeString(agent.resolve("kinitro-agent.json"), "{\"kind\":\"command\",\"command\":[\"/usr/bin/true\"]}");

    Run r = run(Map.of(Hotkeys.PASSWORD_ENV, "wrong"), "upload", "--dir", "a", "--backend", backend.url().toString(),
        "--competition", FakeBackend.COMPETITION, "--wallet-path", tmp.resolve("wallets").toString(), "--wallet-name",
        "miner");

    assertThat(r.exit()).isEqualTo(MinerCli.USER_ERROR);
    assertThat(r.err()).contains("error[1204 WRONG_PASSWORD]").doesNotContain("wrong\n");
    assertThat(backend.uploadRequests()).isZero();
  }

  @Test
  void anUnreachableBackendIsAnExternalError() throws IOException {
    Path agent = Files.createDirectories(tmp.resolve("a"));
    Files.writeString(agent.resolve("kinitro-agent.json"), "{\"kind\":\"command\",\"command\":[\"/usr/bin/true\"]}");

    Run r = run(Map.of(), "upload", "--dir", "a", "--backend", "http://127.0.0.1:1", "--competition",
        FakeBackend.COMPETITION, "--uri", "//Dave");

    assertThat(r.exit()).isEqualTo(MinerCli.NOT_SUCCEEDED);
    assertThat(r.err()).contains("error[3600 MINER_BACKEND_UNREACHABLE]: cannot reach the backend at http://127.0.0.1:1");
  }
}
