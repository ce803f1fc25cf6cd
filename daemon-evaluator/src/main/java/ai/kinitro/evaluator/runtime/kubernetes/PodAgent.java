package ai.kinitro.evaluator.runtime.kubernetes;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.rollout.AgentClient;
import ai.kinitro.rollout.GrpcAgentClient;
import ai.kinitro.rollout.runtime.AgentEndpoint;
import ai.kinitro.rollout.runtime.ClassifyingAgentClient;
import ai.kinitro.rollout.runtime.Isolation;
import ai.kinitro.rollout.runtime.RunningAgent;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An agent running in its pod, reached over gRPC at the pod IP. Failed calls are refined with the
 * pod's state: an agent container that ended reads as a crash (or a memory-limit kill), a pod that
 * vanished or was evicted as a platform fault. Closing deletes the pod and its NetworkPolicy
 * (idempotent).
 */
final class PodAgent implements RunningAgent {
  private final KubernetesClient client;
  private final String namespace;
  private final String podName;
  private final AgentEndpoint.Tcp endpoint;
  private final GrpcAgentClient grpc;
  private final Runnable delete;
  private volatile String name = "";

  PodAgent(KubernetesClient client, String namespace, String podName, AgentEndpoint.Tcp endpoint, GrpcAgentClient grpc,
      Runnable delete) {
    this.client = Objects.requireNonNull(client, "client");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.podName = Objects.requireNonNull(podName, "podName");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.grpc = Objects.requireNonNull(grpc, "grpc");
    this.delete = Objects.requireNonNull(delete, "delete");
  }

  void ready(String agentName) {
    this.name = agentName;
  }

  String podName() {
    return podName;
  }

  @Override
  public AgentEndpoint endpoint() {
    return endpoint;
  }

  /**
   * Reported as {@link Isolation#SANDBOX}: the pod is isolated at least as strongly as the local
   * sandbox (own network namespace, NetworkPolicy without egress, read-only files, limits).
   */
  @Override
  public Isolation isolation() {
    return Isolation.SANDBOX;
  }

  @Override
  public String agentName() {
    return name;
  }

  private Optional<Pod> pod() {
    try {
      return Optional.ofNullable(client.pods().inNamespace(namespace).withName(podName).get());
    } catch (KubernetesClientException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean isAlive() {
    return pod().map(p -> PodObservation.agentExit(p).isEmpty() && !"Failed".equals(phase(p))).orElse(false);
  }

  @Override
  public OptionalInt exitCode() {
    return pod().map(PodObservation::agentExit).orElse(OptionalInt.empty());
  }

  @Override
  public List<String> logTail(int lines) {
    try {
      String log = client.pods().inNamespace(namespace).withName(podName).inContainer(AgentPodSpec.AGENT_CONTAINER)
          .tailingLines(lines).getLog();
      return log == null || log.isEmpty() ? List.of() : List.of(log.split("\n"));
    } catch (KubernetesClientException e) {
      return List.of();
    }
  }

  @Override
  public String ping(Duration timeout) {
    return client().ping(timeout);
  }

  @Override
  public AgentClient client() {
    return new ClassifyingAgentClient(grpc, this::classify);
  }

  @Override
  public KinitroException classify(KinitroException failure) {
    if (!failure.code().name().startsWith("AGENT_")) {
      return failure;
    }
    Optional<Pod> pod = pod();
    if (pod.isEmpty()) {
      return new KinitroException(ErrorCode.AGENT_POD_SETUP_FAILED,
          "Pod " + podName + " disappeared during the evaluation (" + failure.getMessage() + ")", failure);
    }
    if ("Failed".equals(phase(pod.get())) && "Evicted".equals(pod.get().getStatus().getReason())) {
      return new KinitroException(ErrorCode.AGENT_POD_SETUP_FAILED,
          "Pod " + podName + " was evicted during the evaluation (" + failure.getMessage() + ")", failure);
    }
    return PodObservation.agentEnded(pod.get())
        .map(ended -> new KinitroException(ended.code(), ended.getMessage() + " (" + failure.getMessage() + ")", failure))
        .orElse(failure);
  }

  private static String phase(Pod p) {
    return p.getStatus() == null ? null : p.getStatus().getPhase();
  }

  @Override
  public void close() {
    try {
      grpc.close();
    } finally {
      delete.run();
    }
  }
}
