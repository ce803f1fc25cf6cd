package ai.kinitro.platform.run;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.platform.admin.AdminKeyBootstrap;
import ai.kinitro.platform.admin.AdminOutcome;
import ai.kinitro.platform.admin.BackendAdminClient;
import ai.kinitro.platform.services.DevKeys;
import ai.kinitro.platform.services.PlatformConfig;
import ai.kinitro.platform.services.PortCheck;
import ai.kinitro.platform.services.ServiceCatalog;
import ai.kinitro.platform.services.ServiceDefinition;
import ai.kinitro.platform.state.LocalSecrets;
import ai.kinitro.platform.state.PlatformState;
import ai.kinitro.platform.state.StateStore;
import ai.kinitro.platform.supervisor.ServiceSpec;
import ai.kinitro.platform.supervisor.Supervisor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ./kinitro up}: checks that nothing else runs from the state directory and that the ports
 * are free, starts every available service in order through the {@link Supervisor}, creates the
 * demo competition, prints how to reach everything, and then waits. Ctrl-C (SIGINT) or {@code
 * ./kinitro down} (SIGTERM) stops the services in reverse order through a shutdown hook. If a
 * service dies on its own, the others are stopped too and {@code up} fails with {@code
 * SERVICE_EXITED}; running {@code ./kinitro up} again restarts everything on the same state.
 */
public final class LocalPlatform {
  static final Duration POLL = Duration.ofMillis(250);
  static final String ADMIN_KEY_NAME = "local admin (kinitro up)";

  private final PlatformConfig config;
  private final Progress progress;
  private final StateStore store;
  private volatile String adminKeyMissing = "the backend did not start";

  public LocalPlatform(PlatformConfig config, Progress progress) {
    this.config = Objects.requireNonNull(config, "config");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.store = new StateStore(config.stateDir());
  }

  /** Runs the platform until it is stopped; returns normally after a requested stop. */
  public void up() {
    prepareStateDirectory();
    Path watchdog = config.repo().resolve(ServiceCatalog.WATCHDOG_JAR);
    if (!Files.isRegularFile(watchdog)) {
      throw new KinitroException(ErrorCode.PLATFORM_NOT_BUILT, watchdog + " is missing; build the platform module first "
          + "(./kinitro up does it, or ./mvnw -pl platform -am package -DskipTests)");
    }
    LocalSecrets secrets = LocalSecrets.loadOrCreate(config.stateDir());
    List<ServiceDefinition> plan = ServiceCatalog.plan(config, secrets, () -> validatorApiKey(secrets)).stream()
        .map(d -> d.name().equals(ServiceCatalog.BACKEND) ? d.beforeLaunch(() -> ensureAdminKey(secrets)) : d)
        .toList();
    List<ServiceDefinition> available = plan.stream().filter(ServiceDefinition::available).toList();
    for (ServiceDefinition skipped : plan.stream().filter(d -> !d.available()).toList()) {
      progress.line("Not starting " + skipped.name() + ": " + skipped.unavailable().orElseThrow());
    }
    if (available.isEmpty()) {
      throw new KinitroException(ErrorCode.PLATFORM_NOT_BUILT, "No service can be started; see the reasons above");
    }
    checkPorts(available);

    ProcessHandle self = ProcessHandle.current();
    PlatformState initial = new PlatformState(self.pid(), self.info().startInstant().orElseGet(Instant::now),
        config.stateDir().toString(), config.ports().byService(), List.of());
    StateRecorder recorder = new StateRecorder(store, initial, progress);
    List<ServiceSpec> specs = available.stream().map(d -> d.toSpec(config.logDir())).toList();
    Supervisor supervisor = new Supervisor(specs, recorder, POLL);
    Thread hook = Thread.ofPlatform().name("kinitro-platform-stop").unstarted(() -> stopAll(supervisor));
    Runtime.getRuntime().addShutdownHook(hook);

    progress.line("Starting Kinitro from " + config.stateDir() + " (logs in " + config.logDir() + ")");
    boolean started;
    try {
      started = supervisor.start();
    } catch (KinitroException e) {
      removeHook(hook);
      store.delete();
      throw e;
    }
    if (!started) {
      return; // Ctrl-C during start: the hook stops what runs
    }
    String competition = available.stream().anyMatch(d -> d.name().equals(ServiceCatalog.BACKEND))
        ? demoCompetition(secrets) : "not created (the backend is not running)";
    printSummary(plan, available, secrets, competition);

    Optional<Supervisor.Running> died = supervisor.awaitUnexpectedExit();
    if (died.isPresent()) {
      Supervisor.Running dead = died.get();
      String code = dead.handle().exitCode().isPresent() ? String.valueOf(dead.handle().exitCode().getAsInt()) : "unknown";
      String tail = dead.handle().logTail(30);
      progress.line(dead.spec().name() + " exited unexpectedly (code " + code + "); stopping the other services.");
      removeHook(hook);
      stopAll(supervisor);
      throw new KinitroException(ErrorCode.SERVICE_EXITED, dead.spec().name() + " exited unexpectedly with code " + code
          + "; all services were stopped. Run ./kinitro up again to restart on the same state.\nLast lines of "
          + dead.handle().logLocation() + ":\n" + tail);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs anyway and finds nothing left to stop
    }
  }

  private void stopAll(Supervisor supervisor) {
    if (supervisor.running().stream().anyMatch(r -> r.handle().isAlive())) {
      progress.line("Stopping Kinitro...");
    }
    supervisor.stop();
    try {
      store.delete();
    } catch (RuntimeException e) {
      progress.line("Warning: " + e.getMessage());
    }
    progress.line("All services stopped.");
  }

  private void prepareStateDirectory() {
    try {
      Files.createDirectories(config.stateDir());
      Files.createDirectories(config.logDir());
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.PLATFORM_STATE_UNREADABLE,
          "Cannot create the state directory " + config.stateDir() + ": " + e.getMessage() + " (choose another with --state-dir)", e);
    }
    Optional<PlatformState> existing = store.read();
    if (existing.isPresent()) {
      PlatformState previous = existing.get();
      if (previous.liveSupervisor().isPresent()) {
        throw new KinitroException(ErrorCode.PLATFORM_ALREADY_RUNNING, "Kinitro already runs from " + config.stateDir()
            + " (supervisor pid " + previous.supervisorPid() + "). Use ./kinitro status, or ./kinitro down to stop it.");
      }
      progress.line("Cleaning up after a previous run that did not stop cleanly...");
      PlatformControl.stopLeftovers(previous, progress);
      store.delete();
    }
  }

  private void checkPorts(List<ServiceDefinition> services) {
    List<String> taken = new ArrayList<>();
    for (ServiceDefinition service : services) {
      if (PortCheck.inUse(service.port())) {
        taken.add("port " + service.port() + " (" + service.name() + "): free it or pass --" + service.name() + "-port <port>");
      }
    }
    if (!taken.isEmpty()) {
      throw new KinitroException(ErrorCode.PLATFORM_PORT_IN_USE,
          "These ports are already in use:\n  " + String.join("\n  ", taken));
    }
  }

  /**
   * Before the backend's first start: the first admin API key, made with the backend's own admin
   * command line (it writes to the backend's database, which PostgreSQL now serves).
   */
  private void ensureAdminKey(LocalSecrets secrets) {
    if (secrets.find(LocalSecrets.ADMIN_API_KEY).isPresent()) {
      return;
    }
    Path jar = ServiceCatalog.backendJar(config);
    if (!AdminKeyBootstrap.supported(jar)) {
      adminKeyMissing = "the backend has no admin command line (java -jar kinitro-backend.jar admin) yet";
      return;
    }
    progress.line("  creating the first admin API key with the backend's admin command line...");
    List<String> command = ServiceCatalog.java(config, "-Xmx512m", "-XX:+UseSerialGC");
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(AdminKeyBootstrap.arguments(ADMIN_KEY_NAME, ServiceCatalog.backendStorageArgs(config)));
    try {
      String key = AdminKeyBootstrap.createKey(command, ServiceCatalog.backendEnvironment(secrets),
          config.logDir().resolve("backend-admin.log"), Duration.ofMinutes(5));
      secrets.put(LocalSecrets.ADMIN_API_KEY, key);
    } catch (KinitroException e) {
      // The platform still runs; without an admin key there is no demo competition and the
      // validator runs in lite mode. The next ./kinitro up tries again.
      adminKeyMissing = e.getMessage();
      progress.line("  Warning: no admin API key: " + e.getMessage());
    }
  }

  private Optional<BackendAdminClient> admin(LocalSecrets secrets) {
    return secrets.find(LocalSecrets.ADMIN_API_KEY)
        .map(key -> new BackendAdminClient(ServiceCatalog.backendUrl(config.ports()), key));
  }

  /** The local validator's backend API key: issued once through the admin API, then reused. */
  private Optional<String> validatorApiKey(LocalSecrets secrets) {
    Optional<String> known = secrets.find(LocalSecrets.VALIDATOR_API_KEY);
    if (known.isPresent() || config.without().contains(ServiceCatalog.BACKEND)) {
      return known;
    }
    Optional<BackendAdminClient> admin = admin(secrets);
    if (admin.isEmpty()) {
      progress.line("  (the validator runs in lite mode: there is no admin API key to issue its API key with)");
      return Optional.empty();
    }
    try {
      String hotkey = DevKeys.all().stream().filter(k -> k.secretUri().equals(DevKeys.LOCAL_VALIDATOR)).findFirst().orElseThrow().address();
      AdminOutcome outcome = admin.get().createApiKey("local validator " + DevKeys.LOCAL_VALIDATOR, "validator", hotkey);
      if (outcome instanceof AdminOutcome.Created(String key)) {
        secrets.put(LocalSecrets.VALIDATOR_API_KEY, key);
        return Optional.of(key);
      }
      if (outcome instanceof AdminOutcome.NotAvailable(String reason)) {
        progress.line("  (the validator runs in lite mode, without an API key: " + reason + ")");
      }
    } catch (KinitroException e) {
      progress.line("  (the validator runs in lite mode, without an API key: " + e.getMessage() + ")");
    }
    return Optional.empty();
  }

  private String demoCompetition(LocalSecrets secrets) {
    Optional<BackendAdminClient> admin = admin(secrets);
    if (admin.isEmpty()) {
      return "not created (no admin API key: " + adminKeyMissing + ")";
    }
    try {
      return switch (admin.get().ensureCompetition(BackendAdminClient.demoCompetition())) {
        case AdminOutcome.Created(String id) -> "created (id " + id + ")";
        case AdminOutcome.Existing(String id) -> "already there (id " + id + ")";
        case AdminOutcome.NotAvailable(String reason) -> "not created: " + reason;
      };
    } catch (KinitroException e) {
      return "not created: " + e.getMessage();
    }
  }

  private void printSummary(List<ServiceDefinition> plan, List<ServiceDefinition> available, LocalSecrets secrets, String competition) {
    progress.line("");
    progress.line("Kinitro is up. State: " + config.stateDir() + "   Logs: " + config.logDir());
    progress.line("");
    for (ServiceDefinition service : available) {
      progress.line(String.format("  %-10s %-45s %s", service.name(), service.url(), service.description()));
    }
    for (ServiceDefinition service : plan) {
      if (!service.available()) {
        progress.line(String.format("  %-10s %-45s %s", service.name(), "(not running)", service.unavailable().orElseThrow()));
      }
    }
    progress.line("");
    progress.line("Admin API key (X-API-Key header; keep it private, it is also in "
        + config.stateDir().resolve(LocalSecrets.FILE_NAME) + "):");
    progress.line("  " + secrets.find(LocalSecrets.ADMIN_API_KEY).orElse("(none: " + adminKeyMissing + ")"));
    progress.line("Demo competition: " + competition);
    progress.line("");
    progress.line("Development keys (public Substrate dev keys: never use them on a real network):");
    for (DevKeys.DevKey key : DevKeys.all()) {
      progress.line(String.format("  uid %d  %-34s %-9s %s", key.uid(), key.role(), key.secretUri(), key.address()));
    }
    progress.line("");
    progress.line("Press Ctrl-C to stop. From another terminal: ./kinitro status, ./kinitro down.");
  }
}
