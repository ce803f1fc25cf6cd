package ai.kinitro.platform.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.platform.state.LocalSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCatalogTest {
  @TempDir Path repo;
  private LocalSecrets secrets;
  private PlatformConfig config;

  @BeforeEach
  void buildAFakeRepository() throws Exception {
    for (String jar : List.of("daemon-backend/target/kinitro-backend.jar", "daemon-validator/target/kinitro-validator.jar",
        "daemon-evaluator/target/kinitro-evaluator.jar", ServiceCatalog.S3PROXY_JAR, ServiceCatalog.WATCHDOG_JAR)) {
      Files.createDirectories(repo.resolve(jar).getParent());
      Files.writeString(repo.resolve(jar), "jar");
    }
    config = new PlatformConfig(repo, repo.resolve(".kinitro"), Ports.DEFAULTS, Set.of(), null);
    secrets = LocalSecrets.loadOrCreate(config.stateDir());
  }

  private List<ServiceDefinition> plan(PlatformConfig c) {
    return ServiceCatalog.plan(c, secrets, () -> Optional.of("validator-key-from-backend"));
  }

  private static ServiceDefinition named(List<ServiceDefinition> plan, String name) {
    return plan.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void startsDatabaseAndStorageFirstThenChainThenTheDaemons() {
    assertThat(plan(config)).extracting(ServiceDefinition::name)
        .containsExactly("postgres", "s3", "chain", "backend", "validator", "evaluator");
  }

  @Test
  void usesTheFixedDefaultPorts() {
    assertThat(plan(config)).extracting(ServiceDefinition::port).containsExactly(5433, 9000, 9944, 8080, 8091, 8092);
  }

  @Test
  void theDevChainIsUnavailableWithAReasonWhenItsModuleIsMissingOrUnbuilt() throws Exception {
    assertThat(named(plan(config), "chain").unavailable()).contains("the dev chain module (devchain) is not in this checkout yet");

    Files.createDirectories(repo.resolve("devchain"));
    Files.writeString(repo.resolve("devchain/pom.xml"), "<project/>");
    assertThat(named(plan(config), "chain").unavailable().orElseThrow()).startsWith("the devchain module is not built");

    Files.createDirectories(repo.resolve("devchain/target/classes"));
    Files.writeString(repo.resolve("devchain/target/cli-classpath.txt"), "/lib/a.jar");
    assertThat(named(plan(config), "chain").unavailable()).contains("the devchain module has no ai.kinitro.devchain.cli.DevChainMain yet");
  }

  @Test
  void theDevChainRunsFromItsClassPathWhenBuilt() throws Exception {
    Path main = repo.resolve("devchain/target/classes/ai/kinitro/devchain/cli/DevChainMain.class");
    Files.createDirectories(main.getParent());
    Files.writeString(main, "class");
    Files.writeString(repo.resolve("devchain/pom.xml"), "<project/>");
    Files.writeString(repo.resolve("devchain/target/cli-classpath.txt"), "/lib/a.jar\n");

    ServiceDefinition chain = named(plan(config), "chain");

    assertThat(chain.available()).isTrue();
    assertThat(chain.command()).containsSubsequence("-cp", repo.resolve("devchain/target/classes") + ":/lib/a.jar",
        "ai.kinitro.devchain.cli.DevChainMain", "devnet", "--port", "9944", "--data", config.stateDir().resolve("chain").toString());
    assertThat(named(plan(config), "backend").command()).contains("--kinitro.chain.endpoint=ws://127.0.0.1:9944", "--kinitro.chain.netuid=1")
        .noneMatch(arg -> arg.startsWith("--kinitro.chain.static-neurons") || arg.startsWith("--kinitro.metagraph.neurons"));
    assertThat(named(plan(config), "validator").command()).contains("--kinitro.validator.chain.url=ws://127.0.0.1:9944")
        .doesNotContain("--kinitro.validator.weights.enabled=false");
  }

  @Test
  void aDaemonWhoseJarIsNotBuiltIsUnavailable() throws Exception {
    Files.delete(repo.resolve("daemon-evaluator/target/kinitro-evaluator.jar"));

    assertThat(named(plan(config), "evaluator").unavailable().orElseThrow()).contains("kinitro-evaluator.jar is not built");
  }

  @Test
  void withoutLeavesServicesOut() {
    PlatformConfig c = new PlatformConfig(repo, config.stateDir(), Ports.DEFAULTS, Set.of("evaluator", "chain"), null);

    assertThat(plan(c)).extracting(ServiceDefinition::name).containsExactly("postgres", "s3", "backend", "validator");
  }

  @Test
  void theBackendGetsItsDatabaseVaultAndStateDirectoryOnTheCommandLine() {
    assertThat(named(plan(config), "backend").command()).contains(
        "--server.port=8080",
        "--kinitro.database.url=jdbc:postgresql://127.0.0.1:5433/kinitro_backend",
        "--kinitro.vault.endpoint=http://127.0.0.1:9000",
        "--kinitro.vault.bucket=kinitro-vault",
        "--kinitro.state-dir=" + config.stateDir().resolve("backend"));
  }

  @Test
  void theBackendScoresForTheDevChainsSubnet() {
    assertThat(named(plan(config), "backend").command()).contains(
        "--kinitro.chain.netuid=1", "--kinitro.scoring.owner-uid=0", "--kinitro.scoring.interval=10s",
        "--kinitro.chain.poll-interval=5s")
        .as("only the deprecated keys' replacements").noneMatch(arg -> arg.startsWith("--kinitro.scoring.netuid")
            || arg.startsWith("--kinitro.metagraph.neurons"));
  }

  @Test
  void onTheDefaultGenesisTheChainMakesBlocksEveryTwoSecondsAndTheValidatorKnowsIt() throws Exception {
    Path main = repo.resolve("devchain/target/classes").resolve(ServiceCatalog.DEV_CHAIN_MAIN.replace('.', '/') + ".class");
    Files.createDirectories(main.getParent());
    Files.writeString(main, "class");
    Files.writeString(repo.resolve("devchain/pom.xml"), "<project/>");
    Files.writeString(repo.resolve("devchain/target/cli-classpath.txt"), "");
    List<ServiceDefinition> plan = plan(config);
    assertThat(named(plan, "chain").unavailable()).isEmpty();

    assertThat(String.join(" ", named(plan, "chain").command())).contains("--block-time 2s");
    assertThat(named(plan, "validator").command()).contains(
        "--kinitro.validator.weights.block-time=2s", "--kinitro.validator.weights.check-interval=2s");
  }

  @Test
  void theValidatorAndTheEvaluatorShareTheQueueDatabase() {
    List<ServiceDefinition> plan = plan(config);

    assertThat(named(plan, "validator").command())
        .contains("--kinitro.validator.database.url=jdbc:postgresql://127.0.0.1:5433/kinitro_validator");
    assertThat(named(plan, "evaluator").command())
        .contains("--kinitro.evaluator.database.url=jdbc:postgresql://127.0.0.1:5433/kinitro_validator");
  }

  @Test
  void theValidatorAndTheEvaluatorAgreeOnQueueTopicAndHeartbeats() {
    List<ServiceDefinition> plan = plan(config);

    assertThat(named(plan, "validator").command()).contains(
        "--kinitro.validator.queue.job-queue=evaluation",
        "--kinitro.validator.queue.heartbeat-interval=10s",
        "--kinitro.validator.queue.missed-heartbeats=6");
    assertThat(named(plan, "evaluator").command()).contains(
        "--kinitro.evaluator.orchestrator.queue=evaluation",
        "--kinitro.evaluator.orchestrator.topic=backend",
        "--kinitro.evaluator.orchestrator.heartbeat-interval=10s",
        "--kinitro.evaluator.orchestrator.missed-heartbeats=6");
  }

  @Test
  void theEvaluatorRunsAgentsLocallyAndStoresFramesInTheLocalS3() {
    ServiceDefinition evaluator = named(plan(config), "evaluator");

    assertThat(evaluator.command()).contains(
        "--kinitro.evaluator.runtime.mode=local",
        "--kinitro.evaluator.runtime.work-dir=" + config.stateDir().resolve("evaluator/work"),
        "--kinitro.evaluator.episodes.frames.endpoint=http://127.0.0.1:9000",
        "--kinitro.evaluator.episodes.frames.bucket=kinitro-vault");
    assertThat(evaluator.environment().get().get("SPRING_APPLICATION_JSON")).contains(
        "\"kinitro.evaluator.database.password\":",
        "\"kinitro.evaluator.episodes.frames.secret-key\":\"" + secrets.get(LocalSecrets.S3_SECRET_KEY) + "\"");
  }

  @Test
  void withoutTheDevChainTheBackendGetsTheDefaultGenesisAsAStaticMetagraphFromUidZero() {
    DevKeys.DevKey owner = DevKeys.all().getFirst();

    assertThat(named(plan(config), "backend").command()).contains(
        "--kinitro.chain.netuid=1",
        "--kinitro.chain.static-neurons[0].uid=0",
        "--kinitro.chain.static-neurons[0].hotkey=" + owner.address(),
        "--kinitro.chain.static-neurons[1].validator-permit=true")
        .noneMatch(arg -> arg.startsWith("--kinitro.chain.endpoint"));
  }

  @Test
  void theValidatorRunsInFullModeWithItsApiKeyAndInLiteModeWithout() {
    PlatformConfig c = config;
    String full = named(ServiceCatalog.plan(c, secrets, () -> Optional.of("k")), "validator").environment().get().get("SPRING_APPLICATION_JSON");
    String lite = named(ServiceCatalog.plan(c, secrets, Optional::empty), "validator").environment().get().get("SPRING_APPLICATION_JSON");

    assertThat(full).contains("\"kinitro.validator.mode\":\"full\"", "\"kinitro.validator.backend.api-key\":\"k\"");
    assertThat(lite).contains("\"kinitro.validator.mode\":\"lite\"", "\"kinitro.validator.weights.lite-url\":\"http://127.0.0.1:8080/weights\"")
        .doesNotContain("api-key");
  }

  @Test
  void withoutTheDevChainTheValidatorSetsNoWeightsAnywhere() {
    assertThat(named(plan(config), "validator").command()).contains("--kinitro.validator.weights.enabled=false")
        .noneMatch(arg -> arg.startsWith("--kinitro.validator.chain.url"));
  }

  @Test
  void secretsTravelInTheEnvironmentAndNeverOnACommandLine() {
    List<String> values = List.of(secrets.get(LocalSecrets.S3_SECRET_KEY), "validator-key-from-backend");
    List<ServiceDefinition> plan = plan(config);

    for (ServiceDefinition service : plan) {
      assertThat(String.join(" ", service.command())).as(service.name()).doesNotContain(values);
    }
    Map<String, String> backendEnv = named(plan, "backend").environment().get();
    assertThat(backendEnv.get("SPRING_APPLICATION_JSON"))
        .contains("\"kinitro.vault.secret-key\":\"" + secrets.get(LocalSecrets.S3_SECRET_KEY) + "\"");
    assertThat(named(plan, "validator").environment().get().get("SPRING_APPLICATION_JSON"))
        .contains("\"kinitro.validator.backend.api-key\":\"validator-key-from-backend\"");
  }

  @Test
  void everyJavaServiceRunsWithTheParentWatchdog() {
    String agent = "-javaagent:" + repo.resolve(ServiceCatalog.WATCHDOG_JAR) + "=" + ProcessHandle.current().pid();

    for (ServiceDefinition service : plan(config)) {
      assertThat(service.command()).as(service.name()).contains(agent);
    }
  }

  @Test
  void theS3ServerConfigurationIsPrivateAndTheBucketExists() throws Exception {
    ServiceDefinition s3 = named(plan(config), "s3");

    s3.environment().get();

    Path properties = config.stateDir().resolve("s3/s3proxy.properties");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(properties))).isEqualTo("rw-------");
    assertThat(Files.readString(properties)).contains("s3proxy.endpoint=http://127.0.0.1:9000", "jclouds.provider=filesystem");
    assertThat(config.stateDir().resolve("s3/blobs/kinitro-vault")).isDirectory();
  }

  @Test
  void portsMustBeDistinct() {
    assertThatThrownBy(() -> new Ports(5433, 9000, 9944, 8080, 8080, 8092))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("every service needs its own port");
  }

  @Test
  void portsSurviveTheStateFileRoundTrip() {
    Ports ports = new Ports(1, 2, 3, 4, 5, 6);

    assertThat(Ports.fromMap(ports.byService())).isEqualTo(ports);
  }
}
