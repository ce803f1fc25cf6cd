package ai.kinitro.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.platform.cli.PlatformCli;
import ai.kinitro.platform.state.PlatformState;
import ai.kinitro.platform.state.StateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kinitro up} as users run it: the supervisor in its own JVM, real PostgreSQL, real
 * s3proxy, and every daemon jar and the dev chain when they are built; ports are free ones so the
 * test never collides with anything else on the machine.
 */
class PlatformIT {
  private static final Path REPO = Path.of(System.getProperty("kinitro.repo", "..")).toAbsolutePath().normalize();
  private static final Duration UP_TIMEOUT = Duration.ofMinutes(6);

  @TempDir Path stateDir;
  private final List<Process> supervisors = new ArrayList<>();
  private int postgresPort;

  @AfterEach
  void stopEverything() {
    run("down", "--state-dir", stateDir.toString());
    supervisors.forEach(Process::destroyForcibly);
  }

  @Test
  void upStartsEverythingThatIsBuiltDownStopsItInReverseOrderAndASecondUpReusesTheState() throws Exception {
    List<String> ports = freePorts();

    // First run: everything becomes healthy; status sees it from "another terminal".
    Started first = up(ports, "first");
    Result status = run("status", "--state-dir", stateDir.toString());
    assertThat(status.code()).as(status.out()).isZero();
    assertThat(status.out()).containsPattern("postgres +\\d+ +healthy").containsPattern("s3 +\\d+ +healthy");
    List<String> started = startedServices();
    assertThat(started).startsWith("postgres", "s3");
    if (Files.isRegularFile(REPO.resolve("devchain/target/cli-classpath.txt"))) {
      assertThat(status.out()).containsPattern("chain +\\d+ +healthy");
    }
    for (String daemon : List.of("backend", "validator", "evaluator")) {
      if (Files.isRegularFile(REPO.resolve("daemon-" + daemon + "/target/kinitro-" + daemon + ".jar"))) {
        assertThat(status.out()).containsPattern(daemon + " +\\d+ +healthy");
      }
    }
    try (Connection c = database(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE it_marker (note text)");
      s.execute("INSERT INTO it_marker VALUES ('written by the first run')");
    }
    List<ProcessHandle> services = liveServices();

    // down from another terminal: the supervisor stops the services in reverse order and exits.
    Result down = run("down", "--state-dir", stateDir.toString());
    assertThat(down.code()).isZero();
    assertThat(first.process().waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(60), java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();
    assertThat(services).noneMatch(ProcessHandle::isAlive);
    assertThat(stateDir.resolve("state.json")).doesNotExist();
    assertThat(stoppingOrder(first.output())).isEqualTo(started.reversed());

    // Second run: same database content, same admin key.
    Started second = up(ports, "second");
    assertThat(second.adminKey()).isEqualTo(first.adminKey());
    if (first.competition().startsWith("created (id ")) {
      assertThat(second.competition()).isEqualTo(first.competition().replace("created", "already there"));
    }
    try (Connection c = database(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT note FROM it_marker")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("written by the first run");
    }

    // kill -9 of the supervisor: the watchdog ends every service, PostgreSQL's server included.
    List<ProcessHandle> secondServices = liveServices();
    ProcessHandle postmaster = postmaster();
    second.process().destroyForcibly().waitFor();
    awaitGone(secondServices, Duration.ofSeconds(60));
    awaitGone(List.of(postmaster), Duration.ofSeconds(30));

    Result afterKill = run("status", "--state-dir", stateDir.toString());
    assertThat(afterKill.code()).isEqualTo(3);
    assertThat(afterKill.out()).contains("is gone; ./kinitro down cleans up.");
    assertThat(run("down", "--state-dir", stateDir.toString()).code()).isZero();
    assertThat(stateDir.resolve("state.json")).doesNotExist();
  }

  @Test
  void upRefusesToStartWhenAPortIsTakenAndSaysWhichFlagChangesIt() throws Exception {
    List<String> ports = freePorts();
    try (ServerSocket squatter = new ServerSocket(Integer.parseInt(ports.get(3)), 1, InetAddress.getLoopbackAddress())) {
      List<String> args = new ArrayList<>(List.of("up", "--state-dir", stateDir.toString()));
      args.addAll(portArgs(ports));
      Result result = run(args.toArray(String[]::new));

      assertThat(result.code()).isEqualTo(2);
      assertThat(result.err()).contains("error[1700 PLATFORM_PORT_IN_USE]",
          "port " + squatter.getLocalPort() + " (s3): free it or pass --s3-port <port>");
    }
    assertThat(stateDir.resolve("state.json")).doesNotExist();
  }

  // --- helpers -------------------------------------------------------------------------------------

  private record Started(Process process, Path output, String adminKey, String competition) {}

  private record Result(int code, String out, String err) {}

  private Started up(List<String> ports, String name) throws Exception {
    Path output = Files.createDirectories(Path.of("target", "platform-it")).resolve(stateDir.getFileName() + "-" + name + ".out");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dkinitro.repo=" + REPO,
        "-cp", REPO.resolve("platform/target/classes") + ":" + Files.readString(REPO.resolve("platform/target/cli-classpath.txt")).strip(),
        PlatformCli.class.getName(), "up", "--state-dir", stateDir.toString()));
    command.addAll(portArgs(ports));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    supervisors.add(process);
    Instant deadline = Instant.now().plus(UP_TIMEOUT);
    while (!Files.readString(output).contains("Press Ctrl-C to stop.")) {
      assertThat(process.isAlive()).as("supervisor exited early:\n" + Files.readString(output)).isTrue();
      assertThat(Instant.now()).as("platform not up in time:\n" + Files.readString(output)).isBefore(deadline);
      Thread.sleep(250);
    }
    String text = Files.readString(output);
    Matcher key = Pattern.compile("Admin API key[^\\n]*\\n\\s+([^\\n]+)").matcher(text);
    assertThat(key.find()).as(text).isTrue();
    Matcher competition = Pattern.compile("Demo competition: ([^\\n]+)").matcher(text);
    assertThat(competition.find()).as(text).isTrue();
    return new Started(process, output, key.group(1), competition.group(1));
  }

  private List<String> freePorts() throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        sockets.add(new ServerSocket(0));
      }
      List<String> ports = sockets.stream().map(s -> Integer.toString(s.getLocalPort())).toList();
      postgresPort = Integer.parseInt(ports.getFirst());
      return ports;
    } finally {
      for (ServerSocket s : sockets) {
        s.close();
      }
    }
  }

  private static List<String> portArgs(List<String> ports) {
    return List.of("--postgres-port", ports.get(0), "--chain-port", ports.get(1), "--backend-port", ports.get(2),
        "--s3-port", ports.get(3), "--validator-port", ports.get(4), "--evaluator-port", ports.get(5));
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PlatformCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private Connection database() throws Exception {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/kinitro_backend", "postgres", "postgres");
  }

  private PlatformState state() {
    return new StateStore(stateDir).read().orElseThrow();
  }

  private List<String> startedServices() {
    return state().services().stream().map(PlatformState.ServiceState::name).toList();
  }

  private List<ProcessHandle> liveServices() {
    return state().services().stream().map(s -> s.liveProcess().orElseThrow(() -> new AssertionError(s.name() + " is not running"))).toList();
  }

  private ProcessHandle postmaster() throws IOException {
    long pid = Long.parseLong(Files.readAllLines(stateDir.resolve("postgres/postmaster.pid")).getFirst().strip());
    return ProcessHandle.of(pid).orElseThrow();
  }

  private static List<String> stoppingOrder(Path output) throws IOException {
    List<String> order = new ArrayList<>();
    Matcher m = Pattern.compile("^Stopping (\\S+) \\(pid", Pattern.MULTILINE).matcher(Files.readString(output));
    while (m.find()) {
      order.add(m.group(1));
    }
    return order;
  }

  private static void awaitGone(List<ProcessHandle> processes, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (processes.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertThat(processes.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList()).as("still alive").isEmpty();
  }
}
