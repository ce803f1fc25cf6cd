package ai.kinitro.evaluator.runtime.kubernetes;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for one agent pod to run, without holding a thread: pod events arrive from a watch and
 * are handled on the shared scheduler (named {@code k8s-pod-wait}), where a
 * poll is the safety net for missed events,
 * and a scheduled timeout ends the wait. Each look is read by {@link PodObservation}:
 *
 * <ol>
 *   <li>once the fetch init container has finished, the pod's NetworkPolicy is replaced by the
 *       one without egress (once);
 *   <li>unschedulable for longer than the grace: {@code AGENT_POD_UNSCHEDULABLE} (platform fault);
 *   <li>any failure the observation names ends the wait with it;
 *   <li>the agent container runs and egress is locked: the future completes with the pod IP.
 * </ol>
 *
 * Nothing is deleted here; whoever started the wait deletes the pod whatever the outcome.
 */
final class PodStartup implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PodStartup.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String podName;
  private final KubernetesProperties props;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Runnable lockEgress;
  private final CompletableFuture<String> ready = new CompletableFuture<>();
  private final List<ScheduledFuture<?>> timers = new ArrayList<>();
  private Watch watch;
  private boolean egressLocked;
  private Instant unschedulableSince;

  PodStartup(KubernetesClient client, String podName, KubernetesProperties props, ScheduledExecutorService scheduler,
      Clock clock, Runnable lockEgress) {
    this.client = Objects.requireNonNull(client, "client");
    this.namespace = props.namespace();
    this.podName = Objects.requireNonNull(podName, "podName");
    this.props = Objects.requireNonNull(props, "props");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lockEgress = Objects.requireNonNull(lockEgress, "lockEgress");
  }

  /** Starts watching; the future completes with the pod IP or fails with a classified fault. */
  synchronized CompletableFuture<String> start() {
    try {
      watch = !props.watchPods() ? null : client.pods().inNamespace(namespace).withName(podName).watch(new Watcher<>() {
        @Override
        public void eventReceived(Action action, Pod pod) {
          // Never work on the client's dispatch thread: the look may call the API (egress lock)
          // and closes this very watch when it is done.
          Pod seen = action == Action.DELETED ? null : pod;
          try {
            scheduler.execute(() -> look(seen));
          } catch (java.util.concurrent.RejectedExecutionException stopped) {
            LOG.debug("Pod event for {} after shutdown ignored", podName);
          }
        }

        @Override
        public void onClose(WatcherException cause) {
          LOG.debug("Watch of pod {} closed: {}", podName, cause == null ? "normally" : cause.getMessage());
        }
      });
    } catch (KubernetesClientException e) {
      LOG.warn("Could not watch pod {} ({}); polling every {} instead", podName, e.getMessage(), props.pollInterval());
    }
    long poll = props.pollInterval().toMillis();
    timers.add(scheduler.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS));
    timers.add(scheduler.schedule(() -> fail(new KinitroException(ErrorCode.AGENT_POD_START_TIMEOUT,
        "Pod " + podName + " did not run its agent within " + props.podStartTimeout())),
        props.podStartTimeout().toMillis(), TimeUnit.MILLISECONDS));
    scheduler.execute(this::poll);
    return ready;
  }

  private void poll() {
    if (ready.isDone()) {
      return;
    }
    try {
      look(client.pods().inNamespace(namespace).withName(podName).get());
    } catch (KubernetesClientException e) {
      LOG.warn("Could not read pod {}: {}", podName, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Unexpected failure reading pod {}", podName, e);
    }
  }

  /** One look at the pod ({@code null}: it is gone). */
  synchronized void look(Pod pod) {
    if (ready.isDone()) {
      return;
    }
    PodObservation seen = PodObservation.of(pod);
    if (seen.failure().isPresent()) {
      fail(seen.failure().get());
      return;
    }
    if (seen.fetchFinished() && !egressLocked) {
      try {
        lockEgress.run();
        egressLocked = true;
        LOG.info("Pod {} fetched its submission; egress locked", podName);
      } catch (KubernetesClientException e) {
        fail(new KinitroException(ErrorCode.KUBERNETES_API_FAILED,
            "Could not lock the egress of pod " + podName + ": " + e.getMessage(), e));
        return;
      }
    }
    if (seen.unschedulable().isPresent()) {
      Instant now = clock.instant();
      if (unschedulableSince == null) {
        unschedulableSince = now;
      }
      Duration waited = Duration.between(unschedulableSince, now);
      if (waited.compareTo(props.unschedulableGrace()) >= 0) {
        fail(new KinitroException(ErrorCode.AGENT_POD_UNSCHEDULABLE, "Pod " + podName + " could not be scheduled for "
            + waited.toSeconds() + " s: " + seen.unschedulable().get() + "; the job will be retried"));
      }
      return;
    }
    unschedulableSince = null;
    if (seen.runningIp().isPresent() && egressLocked) {
      ready.complete(seen.runningIp().get());
      close();
    }
  }

  private synchronized void fail(KinitroException e) {
    if (ready.completeExceptionally(e)) {
      close();
    }
  }

  @Override
  public synchronized void close() {
    timers.forEach(t -> t.cancel(false));
    timers.clear();
    if (watch != null) {
      try {
        watch.close();
      } catch (RuntimeException e) {
        LOG.debug("Closing the watch of pod {}: {}", podName, e.toString());
      }
      watch = null;
    }
  }
}
