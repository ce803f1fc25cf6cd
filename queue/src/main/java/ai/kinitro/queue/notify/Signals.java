package ai.kinitro.queue.notify;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** In-memory, per-key wake-up flags: {@link #signal} sets the flag, {@link #await} consumes it. */
class Signals implements Wakeups {
  private final ConcurrentMap<String, Flag> flags = new ConcurrentHashMap<>();

  @Override
  public boolean await(String key, Duration timeout) throws InterruptedException {
    return flags.computeIfAbsent(key, k -> new Flag()).await(timeout);
  }

  @Override
  public void signal(String key) {
    flags.computeIfAbsent(key, k -> new Flag()).raise();
  }

  /** Wakes every waiter (the listener lost its connection: notifications may have been missed). */
  void signalAll() {
    flags.values().forEach(Flag::raise);
  }

  private static final class Flag {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition raised = lock.newCondition();
    private boolean up;

    void raise() {
      lock.lock();
      try {
        up = true;
        raised.signalAll();
      } finally {
        lock.unlock();
      }
    }

    boolean await(Duration timeout) throws InterruptedException {
      long nanos = timeout.toNanos();
      lock.lock();
      try {
        while (!up && nanos > 0) {
          nanos = raised.awaitNanos(nanos);
        }
        boolean woken = up;
        up = false;
        return woken;
      } finally {
        lock.unlock();
      }
    }
  }

}
