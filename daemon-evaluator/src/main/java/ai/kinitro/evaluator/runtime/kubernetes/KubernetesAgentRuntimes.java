package ai.kinitro.evaluator.runtime.kubernetes;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.evaluator.runtime.AgentJob;
import ai.kinitro.evaluator.runtime.AgentRuntimes;
import ai.kinitro.queue.BackgroundLoop;
import ai.kinitro.rollout.GrpcAgentClient;
import ai.kinitro.rollout.runtime.AgentEndpoint;
import ai.kinitro.rollout.runtime.AgentLimits;
import ai.kinitro.rollout.runtime.AgentRuntime;
import ai.kinitro.rollout.runtime.RunningAgent;
import ai.kinitro.rollout.submission.Submission;
import ai.kinitro.rollout.submission.SubmissionManifest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode: each job's agent runs in its own pod. Pods are deleted on every exit path: a
 * failed start deletes what it created before rethrowing; a started agent's {@code close()}
 * deletes its pod; {@link #close()} (evaluator shutdown) deletes every pod still active; and a
 * sweep ({@code k8s-pod-sweeper}, every {@code sweepInterval}) deletes this evaluator's pods that
 * no job holds (left by a crash) and any agent pod older than {@code maxPodAge}, plus
 * NetworkPolicies whose pod is gone. Waiting for pods runs on the {@code k8s-pod-wait} scheduler.
 */
public final class KubernetesAgentRuntimes implements AgentRuntimes {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesAgentRuntimes.class);

  private final KubernetesClient client;
  private final KubernetesProperties props;
  private final AgentPodSpec spec;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Set<String> active = ConcurrentHashMap.newKeySet();
  private final AtomicLong deleted = new AtomicLong();
  private final AtomicLong swept = new AtomicLong();
  private BackgroundLoop sweeper;

  public KubernetesAgentRuntimes(KubernetesClient client, KubernetesProperties props, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.props = Objects.requireNonNull(props, "props");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.spec = new AgentPodSpec(props);
    this.scheduler = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("k8s-pod-wait-", 1).factory());
  }

  /** Starts the periodic sweep. */
  public synchronized KubernetesAgentRuntimes startSweeper() {
    if (sweeper == null) {
      sweeper = BackgroundLoop.start("k8s-pod-sweeper", () -> {
        sweepOnce();
        return false;
      }, BackgroundLoop.Pause.sleep(props.sweepInterval()));
    }
    return this;
  }

  @Override
  public AgentRuntime forJob(AgentJob job) {
    return new KubernetesAgentRuntime(this, job);
  }

  @Override
  public String describe() {
    return "kubernetes (namespace " + props.namespace() + ", one pod per submission, egress denied at run time)";
  }

  /** Pod names of agents started or starting now. */
  public Set<String> activePods() {
    return Set.copyOf(active);
  }

  /** Pods deleted so far (jobs and sweeps). */
  public long deletedPods() {
    return deleted.get();
  }

  /** Kinitro's ONNX runner serving the submission's model, read-only under the submission folder. */
  List<String> onnxCommand(SubmissionManifest.Onnx onnx) {
    List<String> command = new java.util.ArrayList<>(props.onnxCommand());
    command.addAll(List.of("--model", AgentPodSpec.SUBMISSION_DIR + "/" + onnx.model(), "--input", onnx.input(),
        "--output", onnx.output()));
    return command;
  }

  RunningAgent start(AgentJob job, Submission submission, AgentLimits limits) {
    String image = submission.manifest() instanceof SubmissionManifest.Onnx ? props.onnxImage() : props.agentImage();
    List<String> command = switch (submission.manifest()) {
      case SubmissionManifest.Command c -> c.command();
      case SubmissionManifest.Onnx o -> onnxCommand(o);
    };
    String name = AgentPodSpec.podName(job, HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6));
    active.add(name);
    PodAgent agent = null;
    try {
      api("create the NetworkPolicy of " + name, () -> client.network().v1().networkPolicies()
          .inNamespace(props.namespace()).resource(spec.fetchPolicy(job, name)).create());
      api("create pod " + name, () -> client.pods().inNamespace(props.namespace())
          .resource(spec.pod(job, name, image, command, limits)).create());
      LOG.info("Created agent pod {} for job {} (attempt {})", name, job.jobId(), job.attempt());
      String ip;
      try (PodStartup startup = new PodStartup(client, name, props, scheduler, clock,
          () -> client.network().v1().networkPolicies().inNamespace(props.namespace())
              .resource(spec.runPolicy(job, name)).update())) {
        ip = await(startup.start(), props.podStartTimeout().plusSeconds(5), name);
      }
      GrpcAgentClient grpc = GrpcAgentClient.tcp(ip, props.agentPort());
      agent = new PodAgent(client, props.namespace(), name, new AgentEndpoint.Tcp(ip, props.agentPort()), grpc,
          () -> delete(name));
      PodAgent running = agent;
      try {
        agent.ready(grpc.awaitReady(limits.startupTimeout(), Duration.ofMillis(200), Duration.ofSeconds(2), running::isAlive));
      } catch (KinitroException e) {
        throw agent.classify(e);
      }
      LOG.info("Agent '{}' of job {} is ready in pod {} at {}", agent.agentName(), job.jobId(), name, ip);
      return agent;
    } catch (RuntimeException e) {
      if (agent != null) {
        agent.close();
      } else {
        delete(name);
      }
      throw e;
    }
  }

  private static String await(java.util.concurrent.CompletableFuture<String> future, Duration timeout, String pod) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof KinitroException k) {
        throw k;
      }
      throw new KinitroException(ErrorCode.KUBERNETES_API_FAILED, "Waiting for pod " + pod + " failed: " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new KinitroException(ErrorCode.AGENT_POD_START_TIMEOUT, "Pod " + pod + " did not start in " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KinitroException(ErrorCode.EVALUATOR_SHUTTING_DOWN, "Interrupted while waiting for pod " + pod, e);
    }
  }

  private static void api(String what, Runnable call) {
    try {
      call.run();
    } catch (KubernetesClientException e) {
      throw new KinitroException(ErrorCode.KUBERNETES_API_FAILED, "Could not " + what + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a pod and its NetworkPolicy now; failures are logged and left to the sweep. */
  void delete(String name) {
    try {
      client.pods().inNamespace(props.namespace()).withName(name).withGracePeriod(0).delete();
      client.network().v1().networkPolicies().inNamespace(props.namespace()).withName(name).delete();
      deleted.incrementAndGet();
      LOG.info("Deleted agent pod {}", name);
    } catch (KubernetesClientException e) {
      LOG.warn("Could not delete agent pod {} ({}); the sweep will retry", name, e.getMessage());
    } finally {
      active.remove(name);
    }
  }

  /**
   * Deletes this evaluator's agent pods that no job holds, agent pods of any evaluator older than
   * {@code maxPodAge}, and NetworkPolicies whose pod is gone.
   *
   * @return how many pods and policies were deleted
   */
  public int sweepOnce() {
    Instant now = clock.instant();
    List<Pod> pods = client.pods().inNamespace(props.namespace())
        .withLabel(AgentPodSpec.MANAGED_BY_LABEL, AgentPodSpec.MANAGED_BY).list().getItems();
    int count = 0;
    for (Pod pod : pods) {
      String name = pod.getMetadata().getName();
      boolean mine = props.instance().equals(label(pod, AgentPodSpec.INSTANCE_LABEL));
      boolean orphan = mine && !active.contains(name);
      boolean tooOld = age(pod, now).compareTo(props.maxPodAge()) > 0;
      if (orphan || tooOld) {
        LOG.warn("Sweeping agent pod {} ({})", name, orphan ? "no job of this evaluator holds it" : "older than " + props.maxPodAge());
        client.pods().inNamespace(props.namespace()).withName(name).withGracePeriod(0).delete();
        deleted.incrementAndGet();
        count++;
      }
    }
    Set<String> remaining = client.pods().inNamespace(props.namespace())
        .withLabel(AgentPodSpec.MANAGED_BY_LABEL, AgentPodSpec.MANAGED_BY).list().getItems().stream()
        .map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    for (NetworkPolicy policy : client.network().v1().networkPolicies().inNamespace(props.namespace())
        .withLabel(AgentPodSpec.MANAGED_BY_LABEL, AgentPodSpec.MANAGED_BY).list().getItems()) {
      String name = policy.getMetadata().getName();
      if (!remaining.contains(name) && !active.contains(name)) {
        client.network().v1().networkPolicies().inNamespace(props.namespace()).withName(name).delete();
        count++;
      }
    }
    swept.addAndGet(count);
    return count;
  }

  private static String label(HasMetadata resource, String key) {
    return resource.getMetadata().getLabels() == null ? null : resource.getMetadata().getLabels().get(key);
  }

  private static Duration age(HasMetadata resource, Instant now) {
    String created = resource.getMetadata().getCreationTimestamp();
    if (created == null) {
      return Duration.ZERO;
    }
    try {
      return Duration.between(OffsetDateTime.parse(created).toInstant(), now);
    } catch (DateTimeParseException e) {
      return Duration.ZERO;
    }
  }

  /** Stops the sweep, deletes every pod still active, stops the wait scheduler. */
  @Override
  public void close() {
    BackgroundLoop s;
    synchronized (this) {
      s = sweeper;
      sweeper = null;
    }
    if (s != null) {
      s.close();
    }
    for (String name : Set.copyOf(active)) {
      LOG.info("Evaluator stopping: deleting agent pod {}", name);
      delete(name);
    }
    scheduler.shutdownNow();
  }
}
