package ai.kinitro.evaluator.runtime.kubernetes;

import ai.kinitro.common.error.ErrorCategory;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What one look at an agent pod says, read from its status alone (pure, so every case is a unit
 * test): whether the fetch init container finished, whether the scheduler cannot place the pod,
 * whether the pod failed (and whose fault that is), and the pod IP once the agent container runs.
 *
 * <p>Failures: an init container that failed with a USER error code in its termination message
 * failed an archive check (the agent's fault); any other init failure, an image that cannot be
 * pulled, an eviction or a vanished pod is {@code AGENT_POD_SETUP_FAILED} (the platform's); an
 * agent container that ended is {@code AGENT_FAILED_TO_START} ({@code AGENT_RESOURCE_LIMIT} when
 * OOM-killed); a pod past its active deadline is {@code AGENT_WALL_TIME_EXCEEDED}.
 */
record PodObservation(
    boolean fetchFinished, Optional<String> unschedulable, Optional<KinitroException> failure, Optional<String> runningIp) {
  private static final Set<String> SETUP_WAITING_REASONS = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
      "CreateContainerConfigError", "CreateContainerError", "RunContainerError", "ErrImageNeverPull");

  PodObservation {
    Objects.requireNonNull(unschedulable, "unschedulable");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(runningIp, "runningIp");
  }

  static PodObservation of(Pod pod) {
    if (pod == null) {
      return failed(new KinitroException(ErrorCode.AGENT_POD_SETUP_FAILED,
          "The agent pod disappeared (deleted or evicted by the cluster)"));
    }
    String name = pod.getMetadata().getName();
    PodStatus status = pod.getStatus();
    if (status == null) {
      return new PodObservation(false, Optional.empty(), Optional.empty(), Optional.empty());
    }
    List<ContainerStatus> inits = Objects.requireNonNullElse(status.getInitContainerStatuses(), List.of());
    List<ContainerStatus> mains = Objects.requireNonNullElse(status.getContainerStatuses(), List.of());
    if ("Failed".equals(status.getPhase()) && "DeadlineExceeded".equals(status.getReason())) {
      return failed(new KinitroException(ErrorCode.AGENT_WALL_TIME_EXCEEDED,
          "Pod " + name + " ran past its active deadline and was stopped by the cluster"));
    }
    if ("Failed".equals(status.getPhase()) && "Evicted".equals(status.getReason())) {
      return failed(new KinitroException(ErrorCode.AGENT_POD_SETUP_FAILED,
          "Pod " + name + " was evicted: " + Objects.requireNonNullElse(status.getMessage(), "no reason given")));
    }
    boolean fetchFinished = false;
    for (ContainerStatus init : inits) {
      Optional<KinitroException> waitingFailure = setupWaiting(name, init);
      if (waitingFailure.isPresent()) {
        return failed(waitingFailure.get());
      }
      ContainerStateTerminated t = terminated(init);
      if (t == null) {
        continue;
      }
      if (exit(t) != 0) {
        return failed(initFailure(name, init.getName(), t));
      }
      if (AgentPodSpec.FETCH_CONTAINER.equals(init.getName())) {
        fetchFinished = true;
      }
    }
    Optional<String> running = Optional.empty();
    for (ContainerStatus main : mains) {
      if (!AgentPodSpec.AGENT_CONTAINER.equals(main.getName())) {
        continue;
      }
      Optional<KinitroException> waitingFailure = setupWaiting(name, main);
      if (waitingFailure.isPresent()) {
        return failed(waitingFailure.get());
      }
      ContainerStateTerminated t = terminated(main);
      if (t != null) {
        return failed(agentEnded(name, t));
      }
      if (main.getState() != null && main.getState().getRunning() != null && status.getPodIP() != null
          && !status.getPodIP().isBlank()) {
        running = Optional.of(status.getPodIP());
      }
    }
    if ("Failed".equals(status.getPhase())) {
      return failed(new KinitroException(ErrorCode.AGENT_POD_SETUP_FAILED, "Pod " + name + " failed: "
          + Objects.requireNonNullElse(status.getReason(), "") + " " + Objects.requireNonNullElse(status.getMessage(), "")));
    }
    if ("Succeeded".equals(status.getPhase())) {
      return failed(new KinitroException(ErrorCode.AGENT_FAILED_TO_START, "The agent in pod " + name + " exited"));
    }
    Optional<String> unschedulable = Objects.requireNonNullElse(status.getConditions(), List.<PodCondition>of()).stream()
        .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason()))
        .map(c -> Objects.requireNonNullElse(c.getMessage(), "no node fits the pod"))
        .findFirst();
    return new PodObservation(fetchFinished, unschedulable, Optional.empty(), running);
  }

  /** The agent container's exit status, if it ended. */
  static OptionalInt agentExit(Pod pod) {
    if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return OptionalInt.empty();
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(c -> AgentPodSpec.AGENT_CONTAINER.equals(c.getName()))
        .map(PodObservation::terminated).filter(Objects::nonNull)
        .mapToInt(PodObservation::exit).findFirst();
  }

  /** Why the agent container ended (an agent fault), or empty if it has not. */
  static Optional<KinitroException> agentEnded(Pod pod) {
    if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(c -> AgentPodSpec.AGENT_CONTAINER.equals(c.getName()))
        .map(PodObservation::terminated).filter(Objects::nonNull)
        .map(t -> agentEnded(pod.getMetadata().getName(), t)).findFirst();
  }

  private static KinitroException agentEnded(String pod, ContainerStateTerminated t) {
    if ("OOMKilled".equals(t.getReason())) {
      return new KinitroException(ErrorCode.AGENT_RESOURCE_LIMIT,
          "The agent in pod " + pod + " was killed for exceeding its memory limit");
    }
    return new KinitroException(ErrorCode.AGENT_CRASHED,
        "The agent in pod " + pod + " exited with status " + exit(t) + reason(t));
  }

  private static KinitroException initFailure(String pod, String container, ContainerStateTerminated t) {
    String message = Objects.requireNonNullElse(t.getMessage(), "").strip();
    int colon = message.indexOf(':');
    if (colon > 0) {
      Optional<ErrorCode> code = codeNamed(message.substring(0, colon));
      if (code.isPresent() && code.get().category() == ErrorCategory.USER && code.get().name().startsWith("ARCHIVE_")
          || code.isPresent() && code.get().name().startsWith("SUBMISSION_")) {
        return new KinitroException(code.get(), message.substring(colon + 1).strip());
      }
    }
    return new KinitroException(ErrorCode.AGENT_POD_SETUP_FAILED, "Init container " + container + " of pod " + pod
        + " failed with status " + exit(t) + (message.isEmpty() ? reason(t) : ": " + message));
  }

  private static Optional<ErrorCode> codeNamed(String name) {
    try {
      return Optional.of(ErrorCode.valueOf(name.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<KinitroException> setupWaiting(String pod, ContainerStatus c) {
    ContainerState state = c.getState();
    if (state == null || state.getWaiting() == null || !SETUP_WAITING_REASONS.contains(state.getWaiting().getReason())) {
      return Optional.empty();
    }
    return Optional.of(new KinitroException(ErrorCode.AGENT_POD_SETUP_FAILED, "Container " + c.getName() + " of pod " + pod
        + " cannot start: " + state.getWaiting().getReason() + " "
        + Objects.requireNonNullElse(state.getWaiting().getMessage(), "")));
  }

  private static ContainerStateTerminated terminated(ContainerStatus c) {
    return c.getState() == null ? null : c.getState().getTerminated();
  }

  private static int exit(ContainerStateTerminated t) {
    return t.getExitCode() == null ? -1 : t.getExitCode();
  }

  private static String reason(ContainerStateTerminated t) {
    return t.getReason() == null ? "" : " (" + t.getReason() + ")";
  }

  private static PodObservation failed(KinitroException e) {
    return new PodObservation(false, Optional.empty(), Optional.of(e), Optional.empty());
  }
}
