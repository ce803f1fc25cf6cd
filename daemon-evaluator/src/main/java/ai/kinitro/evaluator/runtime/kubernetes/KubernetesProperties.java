package ai.kinitro.evaluator.runtime.kubernetes;

import ai.kinitro.evaluator.runtime.kubernetes.cli.PodInit;
import ai.kinitro.rollout.onnx.OnnxRunner;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code kinitro.evaluator.kubernetes.*}: cluster mode settings (used when {@code
 * kinitro.evaluator.runtime.mode=kubernetes}). The cluster connection itself comes from the usual
 * places (in-cluster service account, {@code KUBECONFIG}, {@code ~/.kube/config}).
 *
 * @param namespace where agent pods and their NetworkPolicies are created
 * @param agentImage the image the agent container runs (it must hold the interpreters agents use)
 * @param initImage the image of the init containers (the evaluator's own image)
 * @param initCommand how the init image runs {@link ai.kinitro.evaluator.runtime.kubernetes.cli.PodInit}; its mode ({@code fetch}, {@code
 *     await-egress-closed}) is appended
 * @param runAsUser non-root uid (and gid) of every container
 * @param cpuRequest CPU request of the agent container (Kubernetes quantity)
 * @param cpuLimit CPU limit of the agent container
 * @param memoryRequest memory request of the agent container; the limit is {@code
 *     kinitro.evaluator.runtime.memory}
 * @param workspaceSize size limit of the emptyDir holding the submission
 * @param tmpSize size limit of the in-memory {@code /tmp} of each container
 * @param agentPort the port the agent listens on inside the pod
 * @param podStartTimeout longest time from pod creation to a running agent container
 * @param unschedulableGrace how long the pod may stay unschedulable before it counts as a
 *     platform fault (the job is retried later)
 * @param pollInterval safety-net poll of the pod while waiting (the watch normally reports first)
 * @param sweepInterval how often leftover pods are looked for
 * @param maxPodAge pods older than this are deleted by the sweep whoever created them
 * @param evaluatorPodLabels labels of the evaluator's pods: only they may connect to agent pods
 * @param evaluatorCidrs address blocks that may also connect (an evaluator outside the cluster)
 * @param fetchEgressCidrs where the init container may connect while fetching (the artifact
 *     store); nothing is reachable once the agent runs
 * @param egressLockTimeout how long the second init container waits for egress to be locked
 * @param instance this evaluator's name on the pods it creates (the sweep deletes its own
 *     leftovers at once)
 * @param onnxImage the image of the agent container of {@code onnx} submissions: it runs Kinitro's
 *     ONNX runner, so it must hold the runner's Java and jars (the evaluator's own image does)
 * @param onnxCommand how {@code onnxImage} starts the runner ({@link
 *     ai.kinitro.rollout.onnx.cli.OnnxAgentMain}); {@code --model}, {@code --input}, {@code --output},
 *     {@code --host} and {@code --port} are appended
 * @param watchPods watch a starting pod for prompt events (default true); false relies on the
 *     {@code poll-interval} poll alone, for API servers or proxies that handle watches badly
 */
@ConfigurationProperties("kinitro.evaluator.kubernetes")
public record KubernetesProperties(
    String namespace,
    String agentImage,
    String initImage,
    List<String> initCommand,
    Long runAsUser,
    String cpuRequest,
    String cpuLimit,
    DataSize memoryRequest,
    DataSize workspaceSize,
    DataSize tmpSize,
    Integer agentPort,
    Duration podStartTimeout,
    Duration unschedulableGrace,
    Duration pollInterval,
    Duration sweepInterval,
    Duration maxPodAge,
    Map<String, String> evaluatorPodLabels,
    List<String> evaluatorCidrs,
    List<String> fetchEgressCidrs,
    Duration egressLockTimeout,
    String instance,
    String onnxImage,
    List<String> onnxCommand,
    Boolean watchPods) {
  public static final String DEFAULT_NAMESPACE = "kinitro-agents";
  public static final String DEFAULT_AGENT_IMAGE = "ghcr.io/kinitro/agent-runtime:latest";
  public static final String DEFAULT_INIT_IMAGE = "ghcr.io/kinitro/evaluator:latest";
  public static final List<String> DEFAULT_INIT_COMMAND = List.of("java", "-Dloader.main=" + PodInit.class.getName(),
      "-cp", "/opt/kinitro/kinitro-evaluator.jar", "org.springframework.boot.loader.launch.PropertiesLauncher");
  public static final long DEFAULT_RUN_AS_USER = 65534;
  public static final String DEFAULT_CPU_REQUEST = "1";
  public static final String DEFAULT_CPU_LIMIT = "2";
  public static final DataSize DEFAULT_MEMORY_REQUEST = DataSize.ofGigabytes(2);
  public static final DataSize DEFAULT_WORKSPACE_SIZE = DataSize.ofGigabytes(2);
  public static final DataSize DEFAULT_TMP_SIZE = DataSize.ofMegabytes(256);
  public static final int DEFAULT_AGENT_PORT = 8000;
  public static final Duration DEFAULT_POD_START_TIMEOUT = Duration.ofMinutes(5);
  public static final Duration DEFAULT_UNSCHEDULABLE_GRACE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
  public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(5);
  public static final Duration DEFAULT_MAX_POD_AGE = Duration.ofHours(3);
  public static final Map<String, String> DEFAULT_EVALUATOR_POD_LABELS = Map.of("app.kubernetes.io/name", "kinitro-evaluator");
  public static final List<String> DEFAULT_FETCH_EGRESS_CIDRS = List.of("0.0.0.0/0");
  public static final Duration DEFAULT_EGRESS_LOCK_TIMEOUT = Duration.ofMinutes(2);
  public static final String DEFAULT_ONNX_IMAGE = DEFAULT_INIT_IMAGE;
  /**
   * The evaluator image's Java running the runner out of the evaluator's jar: the same JVM options
   * as the local runtime, {@code java.io.tmpdir} on the pod's in-memory {@code /tmp} (onnxruntime
   * extracts its native libraries there; the root filesystem is read-only).
   */
  public static final List<String> DEFAULT_ONNX_COMMAND = java.util.stream.Stream.of(
      List.of("java"), OnnxRunner.DEFAULT_JVM_OPTIONS, List.of("-Djava.io.tmpdir=/tmp",
          "-Dloader.main=" + OnnxRunner.MAIN_CLASS, "-cp", "/opt/kinitro/kinitro-evaluator.jar", OnnxRunner.BOOT_LAUNCHER))
      .flatMap(List::stream).toList();

  public KubernetesProperties {
    namespace = orDefault(namespace, DEFAULT_NAMESPACE);
    agentImage = orDefault(agentImage, DEFAULT_AGENT_IMAGE);
    initImage = orDefault(initImage, DEFAULT_INIT_IMAGE);
    initCommand = initCommand == null || initCommand.isEmpty() ? DEFAULT_INIT_COMMAND : List.copyOf(initCommand);
    runAsUser = Objects.requireNonNullElse(runAsUser, DEFAULT_RUN_AS_USER);
    if (runAsUser <= 0) {
      throw new IllegalArgumentException("kinitro.evaluator.kubernetes.run-as-user must be a non-root uid (> 0)");
    }
    cpuRequest = orDefault(cpuRequest, DEFAULT_CPU_REQUEST);
    cpuLimit = orDefault(cpuLimit, DEFAULT_CPU_LIMIT);
    memoryRequest = Objects.requireNonNullElse(memoryRequest, DEFAULT_MEMORY_REQUEST);
    workspaceSize = Objects.requireNonNullElse(workspaceSize, DEFAULT_WORKSPACE_SIZE);
    tmpSize = Objects.requireNonNullElse(tmpSize, DEFAULT_TMP_SIZE);
    agentPort = Objects.requireNonNullElse(agentPort, DEFAULT_AGENT_PORT);
    podStartTimeout = positive(podStartTimeout, DEFAULT_POD_START_TIMEOUT, "pod-start-timeout");
    unschedulableGrace = Objects.requireNonNullElse(unschedulableGrace, DEFAULT_UNSCHEDULABLE_GRACE);
    pollInterval = positive(pollInterval, DEFAULT_POLL_INTERVAL, "poll-interval");
    sweepInterval = positive(sweepInterval, DEFAULT_SWEEP_INTERVAL, "sweep-interval");
    maxPodAge = positive(maxPodAge, DEFAULT_MAX_POD_AGE, "max-pod-age");
    evaluatorPodLabels = evaluatorPodLabels == null ? DEFAULT_EVALUATOR_POD_LABELS : Map.copyOf(evaluatorPodLabels);
    evaluatorCidrs = evaluatorCidrs == null ? List.of() : List.copyOf(evaluatorCidrs);
    fetchEgressCidrs = fetchEgressCidrs == null ? DEFAULT_FETCH_EGRESS_CIDRS : List.copyOf(fetchEgressCidrs);
    egressLockTimeout = positive(egressLockTimeout, DEFAULT_EGRESS_LOCK_TIMEOUT, "egress-lock-timeout");
    instance = AgentPodSpec.labelValue(orDefault(instance, hostName()));
    onnxImage = orDefault(onnxImage, DEFAULT_ONNX_IMAGE);
    onnxCommand = onnxCommand == null || onnxCommand.isEmpty() ? DEFAULT_ONNX_COMMAND : List.copyOf(onnxCommand);
    watchPods = watchPods == null || watchPods;
  }

  /** Every default. */
  public static KubernetesProperties defaults() {
    return new KubernetesProperties(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static Duration positive(Duration value, Duration fallback, String key) {
    Duration d = Objects.requireNonNullElse(value, fallback);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("kinitro.evaluator.kubernetes." + key + " must be positive, was " + d);
    }
    return d;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "evaluator";
    }
  }
}
