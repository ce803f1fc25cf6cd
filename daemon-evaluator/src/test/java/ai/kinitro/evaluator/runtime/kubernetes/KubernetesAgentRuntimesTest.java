package ai.kinitro.evaluator.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.agent.AgentServer;
import ai.kinitro.common.agent.examples.PolicyAgent;
import ai.kinitro.common.error.ErrorCategory;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.validator.Artifact;
import ai.kinitro.evaluator.runtime.AgentJob;
import ai.kinitro.evaluator.testing.MockKubernetes;
import ai.kinitro.rollout.runtime.AgentLimits;
import ai.kinitro.rollout.runtime.RunningAgent;
import ai.kinitro.rollout.submission.Submission;
import ai.kinitro.rollout.submission.SubmissionManifest;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kubernetes runtime against the fabric8 mock API server in CRUD mode ({@link MockKubernetes}); the test plays the kubelet. */
class KubernetesAgentRuntimesTest {
  static final String NAMESPACE = "agents";
  static final URI ARTIFACT_URL = URI.create("http://vault.example:9000/submissions/7/v1.tar.gz?X-Amz-Signature=secret");
  static final AgentJob JOB = new AgentJob(7312849021437952001L, 7312848011234567890L, 1,
      new Artifact(ARTIFACT_URL, Instant.parse("2026-03-01T18:00:00Z"), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 4096));
  static final AgentLimits LIMITS = AgentLimits.DEFAULT.withStartupTimeout(Duration.ofSeconds(5))
      .withMemoryBytes(3L << 30);

  private MockKubernetes kubernetes;
  KubernetesClient client;

  @TempDir
  Path tmp;

  private KubernetesAgentRuntimes runtimes;

  /**
   * Settings that poll the starting pod every 100 ms. Only one test watches it: fabric8's mock
   * server 8.0.0 can stall every request for up to a minute after a watch closes while it still
   * sends events (see {@link MockKubernetes}), so the other tests would time out on it.
   */
  static KubernetesProperties props(Duration unschedulableGrace, int agentPort) {
    return props(unschedulableGrace, agentPort, false);
  }

  static KubernetesProperties props(Duration unschedulableGrace, int agentPort, boolean watchPods) {
    return new KubernetesProperties(NAMESPACE, "registry.example/agent:1", "registry.example/evaluator:1", null, 10001L,
        "500m", "2", null, null, null, agentPort, Duration.ofSeconds(20), unschedulableGrace, Duration.ofMillis(100),
        null, Duration.ofHours(1), null, List.of("10.0.0.5/32"), List.of("192.0.2.10/32"), null, "eval-test",
        "registry.example/evaluator:1", null, watchPods);
  }

  @BeforeEach
  void start() {
    kubernetes = MockKubernetes.crud();
    client = kubernetes.client();
    runtimes = new KubernetesAgentRuntimes(client, props(Duration.ofSeconds(30), 8000), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    runtimes.close();
    kubernetes.close();
  }

  private Submission submission() {
    return new Submission(tmp, new SubmissionManifest.Command(List.of("python3", "main.py")));
  }

  private CompletableFuture<RunningAgent> startInBackground(KubernetesAgentRuntimes r) {
    return startInBackground(r, submission());
  }

  private CompletableFuture<RunningAgent> startInBackground(KubernetesAgentRuntimes r, Submission submission) {
    return CompletableFuture.supplyAsync(() -> r.forJob(JOB).start(submission, LIMITS),
        command -> Thread.ofVirtual().name("test-start").start(command));
  }

  private static boolean holds(Supplier<Boolean> condition) {
    try {
      return condition.get();
    } catch (io.fabric8.kubernetes.client.KubernetesClientException slowMockServer) {
      return false;
    }
  }

  private Pod awaitPod() {
    eventually(() -> !pods().isEmpty());
    return pods().getFirst();
  }

  private List<Pod> pods() {
    return client.pods().inNamespace(NAMESPACE).list().getItems();
  }

  private List<NetworkPolicy> policies() {
    return client.network().v1().networkPolicies().inNamespace(NAMESPACE).list().getItems();
  }

  private void setStatus(String pod, PodStatus status) {
    Pod current = client.pods().inNamespace(NAMESPACE).withName(pod).get();
    client.pods().inNamespace(NAMESPACE).resource(new PodBuilder(current).withStatus(status).build()).updateStatus();
  }

  private static KinitroException failureOf(CompletableFuture<RunningAgent> started) throws InterruptedException {
    try {
      started.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(KinitroException.class);
      return (KinitroException) e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("start did not end", e);
    }
    throw new AssertionError("start succeeded");
  }

  /**
   * Polls until the condition holds. A request to the mock API server that times out (it can be
   * starved on a loaded CI machine) counts as "not yet", not as a failure of the behaviour tested.
   */
  static void eventually(Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
    while (!holds(condition)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met in 45 s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static ContainerStatus terminated(String container, int exit, String reason, String message) {
    return new ContainerStatusBuilder().withName(container).withNewState().withNewTerminated()
        .withExitCode(exit).withReason(reason).withMessage(message).endTerminated().endState().build();
  }

  static ContainerStatus running(String container) {
    return new ContainerStatusBuilder().withName(container).withNewState().withNewRunning().endRunning().endState().build();
  }

  @Test
  void createsAHardenedPodWithTheJobLabelsAndAFetchOnlyNetworkPolicy() throws Exception {
    // The one test that follows the pod through a watch (the production default).
    runtimes.close();
    runtimes = new KubernetesAgentRuntimes(client, props(Duration.ofSeconds(30), 8000, true), Clock.systemUTC());
    CompletableFuture<RunningAgent> started = startInBackground(runtimes);
    Pod pod = awaitPod();
    String name = pod.getMetadata().getName();

    assertThat(name).startsWith("kagent-7312849021437952001-1-");
    assertThat(pod.getMetadata().getLabels()).containsAllEntriesOf(Map.of(
        "app.kubernetes.io/name", "kinitro-agent", "app.kubernetes.io/managed-by", "kinitro-evaluator",
        "kinitro.ai/job-id", "7312849021437952001", "kinitro.ai/submission-id", "7312848011234567890",
        "kinitro.ai/attempt", "1", "kinitro.ai/evaluator", "eval-test", "kinitro.ai/pod", name));
    var spec = pod.getSpec();
    assertThat(spec.getRestartPolicy()).isEqualTo("Never");
    assertThat(spec.getAutomountServiceAccountToken()).isFalse();
    assertThat(spec.getEnableServiceLinks()).isFalse();
    assertThat(spec.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(spec.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
    assertThat(spec.getInitContainers()).extracting("name").containsExactly("fetch-submission", "await-egress-lock");
    var fetch = spec.getInitContainers().get(0);
    assertThat(fetch.getImage()).isEqualTo("registry.example/evaluator:1");
    assertThat(fetch.getCommand()).endsWith("fetch");
    assertThat(fetch.getEnv()).extracting("name", "value").contains(
        org.assertj.core.groups.Tuple.tuple("KINITRO_ARTIFACT_URL", ARTIFACT_URL.toString()),
        org.assertj.core.groups.Tuple.tuple("KINITRO_ARTIFACT_SHA256", JOB.artifact().sha256()),
        org.assertj.core.groups.Tuple.tuple("KINITRO_ARTIFACT_SIZE", "4096"));
    assertThat(spec.getInitContainers().get(1).getEnv()).extracting("name", "value")
        .contains(org.assertj.core.groups.Tuple.tuple("KINITRO_EGRESS_PROBE", "vault.example:9000"));
    var agent = spec.getContainers().getFirst();
    assertThat(agent.getName()).isEqualTo("agent");
    assertThat(agent.getImage()).isEqualTo("registry.example/agent:1");
    assertThat(agent.getCommand()).containsExactly("python3", "main.py", "--host", "0.0.0.0", "--port", "8000");
    assertThat(agent.getResources().getRequests().get("cpu").toString()).isEqualTo("500m");
    assertThat(agent.getResources().getLimits().get("cpu").toString()).isEqualTo("2");
    assertThat(agent.getResources().getLimits().get("memory").toString()).isEqualTo(Long.toString(3L << 30));
    assertThat(agent.getVolumeMounts()).filteredOn(m -> m.getMountPath().equals("/workspace"))
        .singleElement().satisfies(m -> assertThat(m.getReadOnly()).isTrue());
    for (var c : List.of(fetch, spec.getInitContainers().get(1), agent)) {
      var sc = c.getSecurityContext();
      assertThat(sc.getRunAsNonRoot()).as(c.getName()).isTrue();
      assertThat(sc.getReadOnlyRootFilesystem()).as(c.getName()).isTrue();
      assertThat(sc.getAllowPrivilegeEscalation()).as(c.getName()).isFalse();
      assertThat(sc.getCapabilities().getDrop()).as(c.getName()).containsExactly("ALL");
    }

    NetworkPolicy policy = policies().getFirst();
    assertThat(policy.getMetadata().getName()).isEqualTo(name);
    assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEqualTo(Map.of("kinitro.ai/pod", name));
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    var ingress = policy.getSpec().getIngress().getFirst();
    assertThat(ingress.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(8000));
    assertThat(ingress.getFrom()).hasSize(2);
    assertThat(ingress.getFrom().get(0).getPodSelector().getMatchLabels())
        .isEqualTo(Map.of("app.kubernetes.io/name", "kinitro-evaluator"));
    assertThat(ingress.getFrom().get(1).getIpBlock().getCidr()).isEqualTo("10.0.0.5/32");
    var toArtifact = policy.getSpec().getEgress().getFirst();
    assertThat(toArtifact.getTo()).singleElement().satisfies(p -> assertThat(p.getIpBlock().getCidr()).isEqualTo("192.0.2.10/32"));
    assertThat(toArtifact.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(9000));

    setStatus(name, new PodStatusBuilder().withPhase("Failed").withReason("Evicted").withMessage("node drained").build());
    assertThat(failureOf(started).code()).isEqualTo(ErrorCode.AGENT_POD_SETUP_FAILED);
  }

  @Test
  void anOnnxSubmissionRunsKinitrosRunnerImageOnTheReadOnlyModelInTheSameHardenedPod() throws Exception {
    Submission onnx = new Submission(tmp, new SubmissionManifest.Onnx("models/policy.onnx", "obs", "logits"));
    CompletableFuture<RunningAgent> started = startInBackground(runtimes, onnx);
    Pod pod = awaitPod();
    String name = pod.getMetadata().getName();

    var spec = pod.getSpec();
    assertThat(spec.getInitContainers()).extracting("name").containsExactly("fetch-submission", "await-egress-lock");
    var agent = spec.getContainers().getFirst();
    assertThat(agent.getImage()).isEqualTo("registry.example/evaluator:1");
    assertThat(agent.getCommand()).containsExactly("java", "-Xmx1g", "-XX:+UseSerialGC", "-XX:-UsePerfData",
        "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=/tmp",
        "-Dloader.main=ai.kinitro.rollout.onnx.cli.OnnxAgentMain", "-cp", "/opt/kinitro/kinitro-evaluator.jar",
        "org.springframework.boot.loader.launch.PropertiesLauncher",
        "--model", "/workspace/submission/models/policy.onnx", "--input", "obs", "--output", "logits",
        "--host", "0.0.0.0", "--port", "8000");
    assertThat(agent.getWorkingDir()).isEqualTo("/workspace/submission");
    assertThat(agent.getVolumeMounts()).extracting("mountPath", "readOnly").containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("/workspace", true), org.assertj.core.groups.Tuple.tuple("/tmp", false));
    assertThat(agent.getResources().getLimits().get("memory").toString()).isEqualTo(Long.toString(3L << 30));
    var sc = agent.getSecurityContext();
    assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
    assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
    assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(policies()).singleElement().satisfies(p -> assertThat(p.getMetadata().getName()).isEqualTo(name));

    setStatus(name, new PodStatusBuilder().withPhase("Failed").withReason("Evicted").withMessage("node drained").build());
    assertThat(failureOf(started).code()).isEqualTo(ErrorCode.AGENT_POD_SETUP_FAILED);
    eventually(() -> pods().isEmpty() && policies().isEmpty());
  }

  @Test
  void locksEgressOnceTheFetchIsDoneAndConnectsToTheRunningAgent() throws Exception {
    try (AgentServer server = AgentServer.start(PolicyAgent.ofState(obs -> new double[] {0.5}),
        new AgentServer.Options("127.0.0.1", 0));
        KubernetesAgentRuntimes withServerPort = new KubernetesAgentRuntimes(client,
            props(Duration.ofSeconds(30), server.port()), Clock.systemUTC())) {
      CompletableFuture<RunningAgent> started = startInBackground(withServerPort);
      String name = awaitPod().getMetadata().getName();

      setStatus(name, new PodStatusBuilder().withPhase("Pending")
          .withInitContainerStatuses(terminated("fetch-submission", 0, "Completed", "OK"), running("await-egress-lock")).build());
      eventually(() -> policies().getFirst().getSpec().getEgress().isEmpty());
      assertThat(policies().getFirst().getMetadata().getAnnotations()).containsEntry("kinitro.ai/egress-phase", "run");
      assertThat(policies().getFirst().getSpec().getIngress()).hasSize(1);

      setStatus(name, new PodStatusBuilder().withPhase("Running").withPodIP("127.0.0.1")
          .withInitContainerStatuses(terminated("fetch-submission", 0, "Completed", "OK"),
              terminated("await-egress-lock", 0, "Completed", "OK"))
          .withContainerStatuses(running("agent")).build());
      RunningAgent agent = started.get(20, TimeUnit.SECONDS);
      assertThat(agent.ping(Duration.ofSeconds(2))).isEqualTo(agent.agentName());
      assertThat(withServerPort.activePods()).containsExactly(name);

      agent.close();
      assertThat(pods()).isEmpty();
      assertThat(policies()).isEmpty();
      assertThat(withServerPort.activePods()).isEmpty();
    }
  }

  @Test
  void anArchiveCheckFailingInThePodIsTheAgentsFaultAndThePodIsDeleted() throws Exception {
    CompletableFuture<RunningAgent> started = startInBackground(runtimes);
    String name = awaitPod().getMetadata().getName();

    setStatus(name, new PodStatusBuilder().withPhase("Failed").withInitContainerStatuses(terminated("fetch-submission", 1,
        "Error", "ARCHIVE_PATH_TRAVERSAL: An entry's path contains '..'")).build());

    KinitroException failure = failureOf(started);
    assertThat(failure.code()).isEqualTo(ErrorCode.ARCHIVE_PATH_TRAVERSAL);
    assertThat(failure.code().category()).isEqualTo(ErrorCategory.USER);
    eventually(() -> pods().isEmpty() && policies().isEmpty());
    assertThat(runtimes.activePods()).isEmpty();
  }

  @Test
  void anAgentThatExitsBeforeAnsweringIsDeletedAfterTheFailure() throws Exception {
    CompletableFuture<RunningAgent> started = startInBackground(runtimes);
    String name = awaitPod().getMetadata().getName();

    setStatus(name, new PodStatusBuilder().withPhase("Failed")
        .withInitContainerStatuses(terminated("fetch-submission", 0, "Completed", "OK"),
            terminated("await-egress-lock", 0, "Completed", "OK"))
        .withContainerStatuses(terminated("agent", 137, "OOMKilled", null)).build());

    assertThat(failureOf(started).code()).isEqualTo(ErrorCode.AGENT_RESOURCE_LIMIT);
    eventually(() -> pods().isEmpty() && policies().isEmpty());
  }

  @Test
  void anUnschedulablePodIsAPlatformFaultAndIsDeleted() throws Exception {
    try (KubernetesAgentRuntimes noGrace = new KubernetesAgentRuntimes(client, props(Duration.ZERO, 8000), Clock.systemUTC())) {
      CompletableFuture<RunningAgent> started = startInBackground(noGrace);
      String name = awaitPod().getMetadata().getName();

      setStatus(name, new PodStatusBuilder().withPhase("Pending").addNewCondition().withType("PodScheduled")
          .withStatus("False").withReason("Unschedulable").withMessage("0/3 nodes are available: 3 Insufficient cpu.")
          .endCondition().build());

      KinitroException failure = failureOf(started);
      assertThat(failure.code()).isEqualTo(ErrorCode.AGENT_POD_UNSCHEDULABLE);
      assertThat(failure.code().category()).isEqualTo(ErrorCategory.EXTERNAL);
      assertThat(failure.getMessage()).contains("Insufficient cpu");
      eventually(() -> pods().isEmpty() && policies().isEmpty());
    }
  }

  @Test
  void aPodThatNeverRunsTimesOutAndIsDeleted() throws Exception {
    KubernetesProperties quick = new KubernetesProperties(NAMESPACE, null, null, null, null, null, null, null, null, null,
        null, Duration.ofMillis(500), null, Duration.ofMillis(100), null, null, null, null, null, null, "eval-test", null,
        null, false);
    try (KubernetesAgentRuntimes r = new KubernetesAgentRuntimes(client, quick, Clock.systemUTC())) {
      KinitroException failure = failureOf(startInBackground(r));
      assertThat(failure.code()).isEqualTo(ErrorCode.AGENT_POD_START_TIMEOUT);
      assertThat(failure.code().category()).isEqualTo(ErrorCategory.RESOURCES);
      assertThat(pods()).isEmpty();
    }
  }

  @Test
  void closingTheRuntimesDeletesPodsOfAgentsStillStarting() throws Exception {
    CompletableFuture<RunningAgent> started = startInBackground(runtimes);
    awaitPod();

    runtimes.close();

    assertThat(pods()).isEmpty();
    assertThat(policies()).isEmpty();
    started.cancel(true);
  }

  @Test
  void theSweepDeletesItsOwnOrphansAtOnceAndAnyAgentPodOnceItIsTooOld() {
    Map<String, String> mine = Map.of("app.kubernetes.io/managed-by", "kinitro-evaluator", "kinitro.ai/evaluator", "eval-test");
    Map<String, String> other = Map.of("app.kubernetes.io/managed-by", "kinitro-evaluator", "kinitro.ai/evaluator", "other");
    create("orphan", mine);
    create("of-another-evaluator", other);
    Instant created = Instant.parse(pods().getFirst().getMetadata().getCreationTimestamp());

    try (KubernetesAgentRuntimes now = new KubernetesAgentRuntimes(client, props(Duration.ofSeconds(30), 8000),
        Clock.fixed(created.plusSeconds(60), java.time.ZoneOffset.UTC))) {
      assertThat(now.sweepOnce()).isEqualTo(1);
    }
    assertThat(pods()).extracting(p -> p.getMetadata().getName()).containsExactly("of-another-evaluator");

    try (KubernetesAgentRuntimes later = new KubernetesAgentRuntimes(client, props(Duration.ofSeconds(30), 8000),
        Clock.fixed(created.plus(Duration.ofHours(1)).plusSeconds(60), java.time.ZoneOffset.UTC))) {
      assertThat(later.sweepOnce()).isEqualTo(1);
    }
    assertThat(pods()).isEmpty();
  }

  private void create(String name, Map<String, String> labels) {
    client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName(name).withLabels(labels)
        .endMetadata().withNewSpec().addNewContainer().withName("agent").withImage("x").endContainer().endSpec().build())
        .create();
  }
}
