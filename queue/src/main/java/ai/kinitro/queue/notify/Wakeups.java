package ai.kinitro.queue.notify;

import java.time.Duration;

/** Something a poller can wait on between polls. */
public interface Wakeups {
  /**
   * Waits until {@code key} (a queue name or an outbox topic) is signalled or {@code timeout}
   * passes, whichever is first. A signal that arrived since the last wait returns at once.
   *
   * @return true when woken by a signal
   */
  boolean await(String key, Duration timeout) throws InterruptedException;

  /** Wakes whoever waits on {@code key} (also used in-process, e.g. after a reconnect). */
  void signal(String key);

  /** Wake-ups that never come: pollers just wait out their interval. */
  static Wakeups pollingOnly() {
    return new Signals();
  }
}
