package ai.kinitro.evaluator.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.agent.AgentServer;
import ai.kinitro.common.agent.examples.PolicyAgent;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.common.protocol.validator.EvalResult;
import ai.kinitro.common.protocol.validator.JobStatusUpdate;
import ai.kinitro.evaluator.runtime.kubernetes.KubernetesAgentRuntimes;
import ai.kinitro.evaluator.runtime.kubernetes.KubernetesProperties;
import ai.kinitro.evaluator.testing.MockKubernetes;
import ai.kinitro.queue.job.JobState;
import ai.kinitro.testsupport.postgres.WithPostgres;
import ai.kinitro.testsupport.s3.S3ProxyServer;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orchestrator in cluster mode against the fabric8 mock API server; the test plays the
 * kubelet, and an in-process SDK agent plays the agent container (reached at the pod IP
 * 127.0.0.1 on the configured agent port).
 */
@WithPostgres
@Tag("slow")
class OrchestratorOnKubernetesTest {
  static final String NAMESPACE = "agents";
  private static S3ProxyServer s3;

  private MockKubernetes kubernetes;
  KubernetesClient client;

  @TempDir
  Path tmp;

  private EvaluatorHarness harness;
  private AgentServer agent;
  private Thread kubelet;

  @BeforeAll
  static void startS3() {
    s3 = S3ProxyServer.start();
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  @BeforeEach
  void wire(DataSource dataSource) {
    kubernetes = MockKubernetes.crud();
    client = kubernetes.client();
    harness = new EvaluatorHarness(dataSource, s3, tmp);
    agent = AgentServer.start(PolicyAgent.ofState(PolicyAgent.CART_POLE), new AgentServer.Options("127.0.0.1", 0));
  }

  @AfterEach
  void stop() {
    if (kubelet != null) {
      kubelet.interrupt();
    }
    harness.close();
    agent.close();
    kubernetes.close();
  }

  private Orchestrator orchestrator(Duration unschedulableGrace) {
    KubernetesProperties props = new KubernetesProperties(NAMESPACE, "agent:1", "evaluator:1", null, null, null, null, null,
        null, null, agent.port(), Duration.ofSeconds(30), unschedulableGrace, Duration.ofMillis(100), null, null, null,
        null, null, null, "eval-test", null, null,
        // Polling only (every 100 ms): fabric8's mock server 8.0.0 can block its event loop for up to a
        // minute when a watch closes while it still sends events (WatchEventsListener.onClosed), which
        // failed these tests now and then. KubernetesAgentRuntimesTest keeps the watch path covered.
        false);
    KubernetesAgentRuntimes runtimes = new KubernetesAgentRuntimes(client, props, Clock.systemUTC());
    return harness.orchestrator(EvaluatorHarness.props(1, Duration.ofSeconds(5)), runtimes, harness.runtimeProps()).start();
  }

  /** Plays the kubelet: every new pod gets the status {@code script} gives it, once. */
  private void kubelet(Function<Pod, PodStatus> script) {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    kubelet = Thread.ofVirtual().name("fake-kubelet").start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          for (Pod pod : client.pods().inNamespace(NAMESPACE).list().getItems()) {
            if (seen.add(pod.getMetadata().getName())) {
              client.pods().inNamespace(NAMESPACE).resource(new PodBuilder(pod).withStatus(script.apply(pod)).build())
                  .updateStatus();
            }
          }
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          // the pod went away meanwhile; look again
        }
      }
    });
  }

  static ContainerStatus done(String name) {
    return new ContainerStatusBuilder().withName(name).withNewState().withNewTerminated().withExitCode(0)
        .withMessage("OK").endTerminated().endState().build();
  }

  static PodStatus running() {
    return new PodStatusBuilder().withPhase("Running").withPodIP("127.0.0.1")
        .withInitContainerStatuses(done("fetch-submission"), done("await-egress-lock"))
        .withContainerStatuses(new ContainerStatusBuilder().withName("agent").withNewState().withNewRunning().endRunning()
            .endState().build()).build();
  }

  private EvalJob queue(int maxAttempts) {
    var artifact = harness.upload(Archives.commandAgent(List.of("java", "-jar", "agent.jar")));
    EvalJob job = EvaluatorHarness.job(7_400_000_000_000_000_001L + maxAttempts, artifact, 2, 10,
        Instant.now().plus(Duration.ofMinutes(10)));
    harness.enqueue(job, maxAttempts);
    return job;
  }

  /** The pods; a mock-server request that times out on a loaded machine reads as "not gone yet". */
  private List<Pod> pods() {
    try {
      return client.pods().inNamespace(NAMESPACE).list().getItems();
    } catch (io.fabric8.kubernetes.client.KubernetesClientException slowMockServer) {
      return List.of(new Pod());
    }
  }

  @Test
  void aJobRunsInItsPodAndThePodAndItsPolicyAreDeletedAfterwards() {
    kubelet(pod -> running());
    orchestrator(Duration.ofSeconds(30));
    EvalJob job = queue(3);

    assertThat(harness.awaitFinished(job.jobId(), Duration.ofSeconds(60)).state()).isEqualTo(JobState.DONE);

    EvalResult result = harness.sent(EvalResult.class, job.jobId()).getFirst();
    assertThat(result.status()).as(result.toString()).isEqualTo(EvaluationStatus.COMPLETED);
    assertThat(result.metrics().orElseThrow().totalEpisodes()).isEqualTo(2);
    EvaluatorHarness.await(() -> pods().isEmpty(), Duration.ofSeconds(30), "the pod to be deleted");
    assertThat(client.network().v1().networkPolicies().inNamespace(NAMESPACE).list().getItems()).isEmpty();
  }

  @Test
  void anAgentContainerThatDiesFailsTheJobAndLeavesNoPod() {
    kubelet(pod -> new PodStatusBuilder(running()).withContainerStatuses(new ContainerStatusBuilder().withName("agent")
        .withNewState().withNewTerminated().withExitCode(1).withReason("Error").endTerminated().endState().build())
        .withPhase("Failed").build());
    orchestrator(Duration.ofSeconds(30));
    EvalJob job = queue(3);

    harness.awaitFinished(job.jobId(), Duration.ofSeconds(60));

    EvalResult result = harness.sent(EvalResult.class, job.jobId()).getFirst();
    assertThat(result.status()).isEqualTo(EvaluationStatus.FAILED);
    assertThat(result.error().orElseThrow().name()).as(result.toString()).isEqualTo(ErrorCode.AGENT_CRASHED.name());
    EvaluatorHarness.await(() -> pods().isEmpty(), Duration.ofSeconds(30), "the pod to be deleted");
  }

  @Test
  void anUnschedulablePodIsRetriedAsAPlatformFaultNeverBlamedOnTheAgent() {
    kubelet(pod -> new PodStatusBuilder().withPhase("Pending").addNewCondition().withType("PodScheduled")
        .withStatus("False").withReason("Unschedulable").withMessage("0/3 nodes are available: 3 Insufficient memory.")
        .endCondition().build());
    orchestrator(Duration.ZERO);
    EvalJob job = queue(2);

    harness.awaitFinished(job.jobId(), Duration.ofSeconds(60));

    assertThat(harness.record(job.jobId()).attempts()).isEqualTo(2);
    assertThat(harness.sent(JobStatusUpdate.class, job.jobId())).extracting(JobStatusUpdate::status)
        .containsExactly(EvaluationStatus.STARTING, EvaluationStatus.QUEUED, EvaluationStatus.STARTING);
    EvalResult result = harness.sent(EvalResult.class, job.jobId()).getFirst();
    assertThat(result.error().orElseThrow().name()).isEqualTo(ErrorCode.AGENT_POD_UNSCHEDULABLE.name());
    EvaluatorHarness.await(() -> pods().isEmpty(), Duration.ofSeconds(30), "the pods to be deleted");
  }
}
