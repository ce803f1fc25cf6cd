package ai.kinitro.rollout.runtime;

import java.nio.file.Path;
import java.util.Objects;

/** Where the evaluator reaches a running agent. */
public sealed interface AgentEndpoint {
  record Tcp(String host, int port) implements AgentEndpoint {
    public Tcp {
      Objects.requireNonNull(host, "host");
    }

    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  record UnixSocket(Path path) implements AgentEndpoint {
    public UnixSocket {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String toString() {
      return "unix:" + path;
    }
  }
}
