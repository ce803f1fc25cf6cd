package ai.kinitro.common.agent;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an {@link Agent} over the agent protocol. A miner's {@code main} is one line:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   AgentServer.serve(new MyAgent(), args);   // parses --host and --port, blocks until stopped
 * }
 * }</pre>
 *
 * <p>Shutdown is graceful: on SIGTERM/SIGINT (or {@link #close()}) the server stops taking calls,
 * lets running calls finish for up to {@link #GRACE}, then cancels the rest.
 */
public final class AgentServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentServer.class);

  /** How long running calls may take to finish after shutdown starts. */
  public static final Duration GRACE = Duration.ofSeconds(5);
  /** Largest request accepted: a batch of 64 episodes with a 480x480 RGB camera each fits. */
  public static final int MAX_MESSAGE_BYTES = 128 * 1024 * 1024;

  private final Server server;

  private AgentServer(Server server) {
    this.server = server;
  }

  /** Command-line options the evaluator passes to every agent. */
  public record Options(String host, int port) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;

    public Options {
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65535) {
        throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "--port must be between 0 and 65535, got " + port);
      }
    }

    /**
     * Parses {@code --host H --port P} (also {@code --host=H}); unknown options are ignored with a
     * warning so a newer evaluator can pass more of them.
     */
    public static Options parse(String... args) {
      String host = DEFAULT_HOST;
      int port = DEFAULT_PORT;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String name = arg;
        String value = null;
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
          name = arg.substring(0, eq);
          value = arg.substring(eq + 1);
        }
        if (!name.equals("--host") && !name.equals("--port")) {
          log.warn("Ignoring unknown argument '{}'", arg);
          continue;
        }
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new KinitroException(ErrorCode.INVALID_ARGUMENT, name + " needs a value");
          }
          value = args[++i];
        }
        if (name.equals("--host")) {
          host = value;
        } else {
          try {
            port = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "--port must be a number, got '" + value + "'");
          }
        }
      }
      return new Options(host, port);
    }
  }

  /** Adds the agent's service to {@code builder}, builds and starts the server. */
  public static AgentServer start(Agent agent, ServerBuilder<?> builder) {
    Server server = builder.addService(new AgentGrpcService(agent)).maxInboundMessageSize(MAX_MESSAGE_BYTES).build();
    try {
      server.start();
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.AGENT_FAILED_TO_START, "Could not start the agent server: " + e.getMessage(), e);
    }
    return new AgentServer(server);
  }

  /**
   * Starts the agent on TCP {@code options.host():options.port()} (port 0 picks a free one). Calls
   * run on the transport's thread ({@code directExecutor}): the agent is called one call at a time
   * anyway, and skipping the hand-off to a thread pool roughly halves the round trip and removes
   * most of its tail (docs/benchmarks.md).
   */
  public static AgentServer start(Agent agent, Options options) {
    return start(agent, NettyServerBuilder.forAddress(new InetSocketAddress(options.host(), options.port()))
        .directExecutor());
  }

  /**
   * The entry point for an agent's {@code main}: parses {@code --host/--port}, serves until the
   * process is asked to stop, then shuts down gracefully.
   */
  public static void serve(Agent agent, String... args) {
    Options options = Options.parse(args);
    AgentServer server = start(agent, options);
    log.info("Agent '{}' listening on {}:{}", agent.name(), options.host(), server.port());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "agent-server-shutdown"));
    server.awaitTermination();
  }

  /** The port the server listens on (useful after starting on port 0); -1 for non-TCP transports. */
  public int port() {
    return server.getPort();
  }

  public boolean isTerminated() {
    return server.isTerminated();
  }

  /** Blocks until the server has terminated. */
  public void awaitTermination() {
    try {
      server.awaitTermination();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops taking calls, waits up to {@link #GRACE} for running ones, then cancels them. */
  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        server.shutdownNow();
        server.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
