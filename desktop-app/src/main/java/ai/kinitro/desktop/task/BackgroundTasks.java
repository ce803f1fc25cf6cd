package ai.kinitro.desktop.task;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the UI runs work that may block (network, disk, crypto): the work runs on a
 * background executor, and its callbacks run on the UI executor (the FX thread in the app, the
 * calling thread in view-model tests). The FX thread never waits on the network.
 */
public final class BackgroundTasks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

  private final Executor work;
  private final Executor ui;
  private final ExecutorService owned;

  private BackgroundTasks(Executor work, Executor ui, ExecutorService owned) {
    this.work = work;
    this.ui = ui;
    this.owned = owned;
  }

  /** Virtual threads for the work, {@code ui} for callbacks (e.g. {@code Platform::runLater}). */
  public static BackgroundTasks withUiExecutor(Executor ui) {
    ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ui-task-", 0).factory());
    return new BackgroundTasks(pool, ui, pool);
  }

  /** Everything on the calling thread: for view-model tests. */
  public static BackgroundTasks sameThread() {
    return new BackgroundTasks(Runnable::run, Runnable::run, null);
  }

  /** Work on {@code work} and callbacks on {@code ui}: for tests that decide when background work runs. */
  public static BackgroundTasks on(Executor work, Executor ui) {
    return new BackgroundTasks(work, ui, null);
  }

  /** Where callbacks run (the FX thread in the app): realtime events are delivered through it too. */
  public Executor uiExecutor() {
    return ui;
  }

  /** Runs {@code task} off the UI thread; exactly one callback runs on the UI executor. */
  public <T> void run(String name, Callable<T> task, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
    work.execute(() -> {
      T result;
      try {
        result = task.call();
      } catch (Throwable t) {
        LOG.debug("Task '{}' failed", name, t);
        ui.execute(() -> onFailure.accept(t));
        return;
      }
      ui.execute(() -> onSuccess.accept(result));
    });
  }

  @Override
  public void close() {
    if (owned != null) {
      owned.shutdownNow();
    }
  }
}
