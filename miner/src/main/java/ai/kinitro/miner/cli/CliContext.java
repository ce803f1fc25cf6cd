package ai.kinitro.miner.cli;

import ai.kinitro.common.chain.client.ChainClient;
import ai.kinitro.common.chain.client.SubstrateChainClient;
import ai.kinitro.common.wallet.PasswordSource;
import ai.kinitro.miner.backend.BackendClient;
import ai.kinitro.miner.wallet.Hotkeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the commands take from the outside world, so tests can run them in-process: environment
 * variables, home and working folders, the password source, whether a person watches (progress
 * bars), the HTTP client, how to reach a chain, and the clock.
 */
public record CliContext(
    Map<String, String> environment,
    Path userHome,
    Path cwd,
    PasswordSource passwords,
    boolean interactive,
    HttpClient http,
    Function<URI, ChainClient> chains,
    Clock clock) {
  public CliContext {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(userHome, "userHome");
    Objects.requireNonNull(cwd, "cwd");
    Objects.requireNonNull(passwords, "passwords");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(chains, "chains");
    Objects.requireNonNull(clock, "clock");
  }

  /** The real process: its environment, a terminal prompt when there is one, real networks. */
  public static CliContext system() {
    java.io.Console console = System.console();
    return new CliContext(System.getenv(), Path.of(System.getProperty("user.home")), Path.of("").toAbsolutePath(),
        Hotkeys.passwords(System.getenv(), console), console != null, BackendClient.defaultHttpClient(),
        SubstrateChainClient::connect, Clock.systemUTC());
  }
}
