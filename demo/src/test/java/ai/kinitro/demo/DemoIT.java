package ai.kinitro.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.chain.client.BlockRef;
import ai.kinitro.common.chain.client.ChainClient;
import ai.kinitro.common.chain.client.ChainWeights;
import ai.kinitro.common.chain.client.SubstrateChainClient;
import ai.kinitro.demo.cli.DemoCli;
import ai.kinitro.platform.cli.PlatformCli;
import ai.kinitro.platform.services.ServiceCatalog;
import ai.kinitro.platform.state.PlatformState;
import ai.kinitro.platform.state.StateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #10's end-to-end test, with real processes and sockets only: {@code ./kinitro up} (the
 * supervisor in its own JVM: PostgreSQL, s3proxy, dev chain, backend, validator, evaluator), then
 * {@code ./kinitro demo} in another JVM. While the demo runs, the evaluator is killed with {@code
 * kill -9} during the evaluation and the validator once scoring starts; each time the supervisor
 * stops the platform and the test runs {@code up} again on the same state. The demo rides through
 * both restarts and ends with the validator's weights on the dev chain favouring the expert's uid,
 * with exactly one result per submission (nothing lost, nothing counted twice).
 */
class DemoIT {
  private static final Path REPO = Path.of(System.getProperty("kinitro.repo", "..")).toAbsolutePath().normalize();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration UP_TIMEOUT = Duration.ofMinutes(6);
  private static final Duration DEMO_TIMEOUT = Duration.ofMinutes(20);
  private static final int VALIDATOR_UID = 1;
  private static final int EXPERT_UID = 3;
  private static final int RANDOM_UID = 4;

  @TempDir Path stateDir;
  private final List<Process> processes = new ArrayList<>();
  private final Path logs = Path.of("target", "demo-it");

  @AfterEach
  void stopEverything() {
    PlatformCli.run(new String[] {"down", "--state-dir", stateDir.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void twoMinersSubmitTheExpertLeadsAndKilledDaemonsLoseNothing() throws Exception {
    List<String> ports = freePorts();
    Files.createDirectories(logs);
    Process platform = up(ports, "first");

    Path demoOut = logs.resolve("demo.out");
    Process demo = java(demoOut, "-cp", classPath("demo"), DemoCli.class.getName(),
        "--state-dir", stateDir.toString(), "--timeout", DEMO_TIMEOUT.toMinutes() + "m");

    // kill -9 of the evaluator while the expert is being evaluated (or right after).
    awaitOutput(demo, demoOut, text -> text.contains("[4/6]"), Duration.ofMinutes(8));
    awaitOutput(demo, demoOut, text -> text.contains("RUNNING") || text.contains("[5/6]"), Duration.ofMinutes(5));
    platform = restartAfterKilling(ServiceCatalog.EVALUATOR, platform, ports, "second");

    // kill -9 of the validator once scoring starts.
    awaitOutput(demo, demoOut, text -> text.contains("[5/6]"), Duration.ofMinutes(8));
    platform = restartAfterKilling(ServiceCatalog.VALIDATOR, platform, ports, "third");

    assertThat(demo.waitFor(DEMO_TIMEOUT.toMinutes() + 1, TimeUnit.MINUTES)).as(Files.readString(demoOut)).isTrue();
    String output = Files.readString(demoOut);
    assertThat(demo.exitValue()).as(output).isZero();
    assertThat(output).contains("approved with the admin key", "Done in");

    // The validator's weights on the dev chain: the expert holds the miners' share, the random agent nothing.
    try (ChainClient chain = SubstrateChainClient.connect(URI.create("ws://127.0.0.1:" + ports.get(1)))) {
      ChainWeights weights = chain.weights(ServiceCatalog.NETUID, BlockRef.best());
      assertThat(weights.favourite(VALIDATOR_UID)).as(weights.toString()).contains(ServiceCatalog.OWNER_UID);
      Map<Integer, Integer> row = new java.util.HashMap<>();
      weights.row(VALIDATOR_UID).orElseThrow().forEach(e -> row.put(e.uid(), e.value()));
      assertThat(row.getOrDefault(EXPERT_UID, 0)).as(weights.toString()).isPositive();
      assertThat(row.getOrDefault(RANDOM_UID, 0)).as(weights.toString()).isZero();
    }

    // Nothing counted twice: one result per submission (one validator, one benchmark), both completed.
    URI backend = URI.create("http://127.0.0.1:" + ports.get(2));
    JsonNode journal = JSON.readTree(Files.readString(stateDir.resolve("demo/journal.json")));
    for (String miner : List.of("expert", "random")) {
      String submission = journal.path("miners").path(miner).path("submissionId").asString();
      JsonNode results = get(backend.resolve("/results?submission_id=" + submission));
      assertThat(results.path("total").asLong()).as(miner + ": " + results).isEqualTo(1);
      assertThat(results.path("items").get(0).path("status").asString()).as(results.toString()).isEqualToIgnoringCase("completed");
    }
  }

  // --- helpers -------------------------------------------------------------------------------------

  private Process restartAfterKilling(String service, Process platform, List<String> ports, String name) throws Exception {
    PlatformState state = new StateStore(stateDir).read().orElseThrow();
    ProcessHandle victim = state.service(service).flatMap(PlatformState.ServiceState::liveProcess)
        .orElseThrow(() -> new AssertionError(service + " is not running"));
    victim.destroyForcibly();
    // The supervisor sees the unexpected exit, stops the other services and exits.
    assertThat(platform.waitFor(3, TimeUnit.MINUTES)).as("supervisor stops after " + service + " died").isTrue();
    PlatformCli.run(new String[] {"down", "--state-dir", stateDir.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
    return up(ports, name);
  }

  private Process up(List<String> ports, String name) throws Exception {
    Path output = logs.resolve("up-" + name + ".out");
    Process process = java(output, "-Dkinitro.repo=" + REPO, "-cp", classPath("platform"), PlatformCli.class.getName(),
        "up", "--state-dir", stateDir.toString(),
        "--postgres-port", ports.get(0), "--chain-port", ports.get(1), "--backend-port", ports.get(2),
        "--s3-port", ports.get(3), "--validator-port", ports.get(4), "--evaluator-port", ports.get(5));
    awaitOutput(process, output, text -> text.contains("Press Ctrl-C to stop."), UP_TIMEOUT);
    String text = Files.readString(output);
    for (String service : List.of("chain", "backend", "validator", "evaluator")) {
      assertThat(text).as("%s runs (are the daemons and the dev chain packaged?)%n%s", service, text)
          .containsPattern(service + " +healthy");
    }
    return process;
  }

  private Process java(Path output, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    processes.add(process);
    return process;
  }

  private static String classPath(String module) throws IOException {
    return REPO.resolve(module + "/target/classes") + ":" + Files.readString(REPO.resolve(module + "/target/cli-classpath.txt")).strip();
  }

  private static void awaitOutput(Process process, Path output, Predicate<String> condition, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.test(Files.readString(output))) {
      assertThat(process.isAlive()).as("process exited early:%n%s", Files.readString(output)).isTrue();
      assertThat(Instant.now()).as("timed out waiting; output so far:%n%s", Files.readString(output)).isBefore(deadline);
      Thread.sleep(500);
    }
  }

  private static JsonNode get(URI uri) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    }
  }

  private static List<String> freePorts() throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        sockets.add(new ServerSocket(0));
      }
      return sockets.stream().map(s -> Integer.toString(s.getLocalPort())).toList();
    } finally {
      for (ServerSocket s : sockets) {
        s.close();
      }
    }
  }
}
