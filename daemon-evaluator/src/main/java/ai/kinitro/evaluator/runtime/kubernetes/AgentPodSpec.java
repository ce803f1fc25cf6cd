package ai.kinitro.evaluator.runtime.kubernetes;

import ai.kinitro.evaluator.runtime.AgentJob;
import ai.kinitro.evaluator.runtime.kubernetes.cli.PodInit;
import ai.kinitro.rollout.runtime.AgentLimits;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the agent pod of one job and its NetworkPolicy. Pure: no cluster access, so the tests
 * can pin every security-relevant field.
 *
 * <p>The pod: {@code restartPolicy: Never}, no service-account token, no service links, a pod
 * deadline of startup + wall time; an emptyDir {@code /workspace} for the submission (read-only
 * in the agent container) and an in-memory {@code /tmp} per container. Init container {@value
 * #FETCH_CONTAINER} downloads the archive through the presigned URL, checks its size and SHA-256
 * and extracts it with the same checks as the evaluator ({@link ai.kinitro.evaluator.runtime.kubernetes.cli.PodInit}); init container {@value
 * #EGRESS_CONTAINER} waits until the artifact host is unreachable, so the agent never starts
 * before egress is locked. Every container runs as a non-root user with a read-only root
 * filesystem, no privilege escalation, all capabilities dropped and the runtime's default seccomp
 * profile.
 */
public final class AgentPodSpec {
  public static final String APP_LABEL = "app.kubernetes.io/name";
  public static final String APP = "kinitro-agent";
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "kinitro-evaluator";
  public static final String JOB_LABEL = "kinitro.ai/job-id";
  public static final String SUBMISSION_LABEL = "kinitro.ai/submission-id";
  public static final String ATTEMPT_LABEL = "kinitro.ai/attempt";
  public static final String INSTANCE_LABEL = "kinitro.ai/evaluator";
  public static final String POD_LABEL = "kinitro.ai/pod";
  public static final String PHASE_ANNOTATION = "kinitro.ai/egress-phase";
  public static final String FETCH_CONTAINER = "fetch-submission";
  public static final String EGRESS_CONTAINER = "await-egress-lock";
  public static final String AGENT_CONTAINER = "agent";
  public static final String WORKSPACE = "/workspace";
  public static final String SUBMISSION_DIR = WORKSPACE + "/submission";

  private final KubernetesProperties props;

  public AgentPodSpec(KubernetesProperties props) {
    this.props = Objects.requireNonNull(props, "props");
  }

  /** A pod name unique per job attempt: {@code kagent-<job>-<attempt>-<suffix>}. */
  public static String podName(AgentJob job, String suffix) {
    return ("kagent-" + job.jobId() + "-" + job.attempt() + "-" + suffix).toLowerCase(Locale.ROOT);
  }

  /** The labels on the pod and its NetworkPolicy. */
  public Map<String, String> labels(AgentJob job, String podName) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(APP_LABEL, APP);
    labels.put(MANAGED_BY_LABEL, MANAGED_BY);
    labels.put(JOB_LABEL, Long.toString(job.jobId()));
    labels.put(SUBMISSION_LABEL, Long.toString(job.submissionId()));
    labels.put(ATTEMPT_LABEL, Integer.toString(job.attempt()));
    labels.put(INSTANCE_LABEL, props.instance());
    labels.put(POD_LABEL, podName);
    return labels;
  }

  /** The pod running {@code command} (the manifest's, host and port appended) in the agent image. */
  public Pod pod(AgentJob job, String podName, List<String> command, AgentLimits limits) {
    return pod(job, podName, props.agentImage(), command, limits);
  }

  /**
   * The pod running {@code command} (host and port appended) in {@code image}: the agent image for
   * a {@code command} submission, the ONNX runner's image for an {@code onnx} one.
   */
  public Pod pod(AgentJob job, String podName, String image, List<String> command, AgentLimits limits) {
    List<String> agentCommand = new ArrayList<>(command);
    agentCommand.addAll(List.of("--host", "0.0.0.0", "--port", Integer.toString(props.agentPort())));
    long deadline = limits.startupTimeout().plus(limits.wallTime()).plus(props.podStartTimeout()).toSeconds();
    VolumeMount workspaceRw = mount("workspace", WORKSPACE, false);
    VolumeMount tmp = mount("tmp", "/tmp", false);
    Container fetch = new ContainerBuilder()
        .withName(FETCH_CONTAINER)
        .withImage(props.initImage())
        .withCommand(with(props.initCommand(), PodInit.FETCH))
        .withEnv(env(Map.of(
            PodInit.ENV_URL, job.artifact().url().toString(),
            PodInit.ENV_SHA256, job.artifact().sha256(),
            PodInit.ENV_SIZE, Long.toString(job.artifact().sizeBytes()),
            PodInit.ENV_WORKSPACE, WORKSPACE,
            "HOME", "/tmp")))
        .withVolumeMounts(workspaceRw, tmp)
        .withSecurityContext(restricted())
        .withTerminationMessagePolicy("File")
        .withNewResources()
          .addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("256Mi"))
          .addToLimits("cpu", new Quantity("1")).addToLimits("memory", new Quantity("512Mi"))
        .endResources()
        .build();
    Container egress = new ContainerBuilder()
        .withName(EGRESS_CONTAINER)
        .withImage(props.initImage())
        .withCommand(with(props.initCommand(), PodInit.AWAIT_EGRESS_CLOSED))
        .withEnv(env(Map.of(
            PodInit.ENV_PROBE, probeTarget(job.artifact().url()),
            PodInit.ENV_LOCK_TIMEOUT_SECONDS, Long.toString(props.egressLockTimeout().toSeconds()),
            "HOME", "/tmp")))
        .withVolumeMounts(mount("tmp", "/tmp", false))
        .withSecurityContext(restricted())
        .withNewResources()
          .addToRequests("cpu", new Quantity("50m")).addToRequests("memory", new Quantity("128Mi"))
          .addToLimits("cpu", new Quantity("500m")).addToLimits("memory", new Quantity("256Mi"))
        .endResources()
        .build();
    Container agent = new ContainerBuilder()
        .withName(AGENT_CONTAINER)
        .withImage(image)
        .withCommand(agentCommand)
        .withWorkingDir(SUBMISSION_DIR)
        .withEnv(env(Map.of("HOME", "/tmp", "PYTHONUNBUFFERED", "1", "PYTHONDONTWRITEBYTECODE", "1")))
        .addNewPort().withName("grpc").withContainerPort(props.agentPort()).withProtocol("TCP").endPort()
        .withVolumeMounts(mount("workspace", WORKSPACE, true), tmp)
        .withSecurityContext(restricted())
        .withNewResources()
          .addToRequests("cpu", new Quantity(props.cpuRequest()))
          .addToRequests("memory", new Quantity(Long.toString(props.memoryRequest().toBytes())))
          .addToLimits("cpu", new Quantity(props.cpuLimit()))
          .addToLimits("memory", new Quantity(Long.toString(limits.memoryBytes())))
        .endResources()
        .build();
    return new PodBuilder()
        .withNewMetadata()
          .withName(podName)
          .withNamespace(props.namespace())
          .withLabels(labels(job, podName))
          .addToAnnotations(PHASE_ANNOTATION, "fetch")
        .endMetadata()
        .withNewSpec()
          .withRestartPolicy("Never")
          .withAutomountServiceAccountToken(false)
          .withEnableServiceLinks(false)
          .withHostNetwork(false)
          .withHostPID(false)
          .withHostIPC(false)
          .withActiveDeadlineSeconds(deadline)
          .withTerminationGracePeriodSeconds(5L)
          .withNewSecurityContext()
            .withRunAsNonRoot(true)
            .withRunAsUser(props.runAsUser())
            .withRunAsGroup(props.runAsUser())
            .withFsGroup(props.runAsUser())
            .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
          .endSecurityContext()
          .withInitContainers(fetch, egress)
          .withContainers(agent)
          .addNewVolume().withName("workspace")
            .withNewEmptyDir().withSizeLimit(new Quantity(Long.toString(props.workspaceSize().toBytes()))).endEmptyDir()
          .endVolume()
          .addNewVolume().withName("tmp")
            .withNewEmptyDir().withMedium("Memory").withSizeLimit(new Quantity(Long.toString(props.tmpSize().toBytes())))
            .endEmptyDir()
          .endVolume()
        .endSpec()
        .build();
  }

  /**
   * The pod's NetworkPolicy while the init container fetches: ingress only from the evaluator on
   * the agent port; egress only to {@code fetchEgressCidrs} on the artifact URL's port, and DNS.
   */
  public NetworkPolicy fetchPolicy(AgentJob job, String podName) {
    URI url = job.artifact().url();
    List<NetworkPolicyPeer> fetchPeers = props.fetchEgressCidrs().stream()
        .map(cidr -> new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr).endIpBlock().build()).toList();
    NetworkPolicyEgressRule artifact = new NetworkPolicyEgressRuleBuilder()
        .withTo(fetchPeers)
        .addNewPort().withProtocol("TCP").withPort(new IntOrString(port(url))).endPort()
        .build();
    NetworkPolicyEgressRule dns = new NetworkPolicyEgressRuleBuilder()
        .addNewPort().withProtocol("UDP").withPort(new IntOrString(53)).endPort()
        .addNewPort().withProtocol("TCP").withPort(new IntOrString(53)).endPort()
        .build();
    return policy(job, podName, "fetch", List.of(artifact, dns));
  }

  /** The NetworkPolicy once the archive is fetched: the same ingress, no egress at all. */
  public NetworkPolicy runPolicy(AgentJob job, String podName) {
    return policy(job, podName, "run", List.of());
  }

  private NetworkPolicy policy(AgentJob job, String podName, String phase, List<NetworkPolicyEgressRule> egress) {
    List<NetworkPolicyPeer> from = new ArrayList<>();
    if (!props.evaluatorPodLabels().isEmpty()) {
      from.add(new NetworkPolicyPeerBuilder().withPodSelector(selector(props.evaluatorPodLabels()))
          .withNamespaceSelector(new LabelSelectorBuilder().build()).build());
    }
    props.evaluatorCidrs().forEach(cidr -> from.add(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr).endIpBlock().build()));
    return new NetworkPolicyBuilder()
        .withNewMetadata()
          .withName(podName)
          .withNamespace(props.namespace())
          .withLabels(labels(job, podName))
          .addToAnnotations(PHASE_ANNOTATION, phase)
        .endMetadata()
        .withNewSpec()
          .withPodSelector(selector(Map.of(POD_LABEL, podName)))
          .withPolicyTypes("Ingress", "Egress")
          .addNewIngress()
            .withFrom(from)
            .addNewPort().withProtocol("TCP").withPort(new IntOrString(props.agentPort())).endPort()
          .endIngress()
          .withEgress(egress)
        .endSpec()
        .build();
  }

  private static LabelSelector selector(Map<String, String> labels) {
    return new LabelSelectorBuilder().withMatchLabels(labels).build();
  }

  private static SecurityContext restricted() {
    return new SecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withReadOnlyRootFilesystem(true)
        .withAllowPrivilegeEscalation(false)
        .withPrivileged(false)
        .withNewCapabilities().withDrop("ALL").endCapabilities()
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .build();
  }

  private static VolumeMount mount(String volume, String path, boolean readOnly) {
    VolumeMount m = new VolumeMount();
    m.setName(volume);
    m.setMountPath(path);
    m.setReadOnly(readOnly);
    return m;
  }

  private static List<EnvVar> env(Map<String, String> values) {
    return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> new EnvVar(e.getKey(), e.getValue(), null)).toList();
  }

  private static List<String> with(List<String> command, String arg) {
    List<String> all = new ArrayList<>(command);
    all.add(arg);
    return all;
  }

  static int port(URI url) {
    if (url.getPort() > 0) {
      return url.getPort();
    }
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }

  static String probeTarget(URI url) {
    return url.getHost() + ":" + port(url);
  }

  /** A valid label value: at most 63 characters of {@code [A-Za-z0-9_.-]}, alphanumeric at both ends. */
  static String labelValue(String raw) {
    String v = raw.replaceAll("[^A-Za-z0-9_.-]", "-");
    if (v.length() > 63) {
      v = v.substring(0, 63);
    }
    v = v.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
    return v.isEmpty() ? "evaluator" : v;
  }
}
