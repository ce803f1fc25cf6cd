package ai.kinitro.rollout.runtime;

/** How strongly a running agent is isolated; anything weaker than SANDBOX is logged at WARN. */
public enum Isolation {
  /**
   * bubblewrap: own network namespace with only loopback, own PID/IPC/UTS namespaces, read-only
   * view of /usr and the submission, private /tmp, no capabilities, plus resource limits.
   */
  SANDBOX("bubblewrap sandbox: no network, read-only files, private /tmp, resource limits"),
  /** A plain child process with resource limits only: it can use the network and read the host. */
  PROCESS("plain child process: resource limits only; the agent CAN reach the network and read host files");

  private final String description;

  Isolation(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
