package ai.kinitro.devchain.node;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces a block every {@code interval} on a named daemon thread. A failing block is logged and
 * the timer goes on: the producer never dies while the chain is open.
 */
public final class BlockProducer implements AutoCloseable {
  /** Mainnet's block time, the default. */
  public static final Duration DEFAULT_BLOCK_TIME = Duration.ofSeconds(12);
  /** subtensor's fast-runtime block time, the shortest the dev chain accepts. */
  public static final Duration MIN_BLOCK_TIME = Duration.ofMillis(250);

  private static final Logger LOG = LoggerFactory.getLogger(BlockProducer.class);

  private final ScheduledExecutorService timer;

  private BlockProducer(DevNode node, Duration interval) {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
        r -> Thread.ofPlatform().name("devchain-block-producer").daemon(true).unstarted(r));
    executor.setRemoveOnCancelPolicy(true);
    this.timer = executor;
    long millis = interval.toMillis();
    timer.scheduleAtFixedRate(() -> {
      try {
        node.produceBlocks(1);
      } catch (Throwable t) {
        LOG.error("producing a block failed; the next one is tried in {} ms", millis, t);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Starts producing blocks on {@code node} every {@code interval} (at least {@link #MIN_BLOCK_TIME}). */
  public static BlockProducer start(DevNode node, Duration interval) {
    Objects.requireNonNull(node, "node");
    requireValid(interval);
    return new BlockProducer(node, interval);
  }

  /** Refuses a block time below {@link #MIN_BLOCK_TIME}. */
  public static void requireValid(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.compareTo(MIN_BLOCK_TIME) < 0) {
      throw new KinitroException(ErrorCode.DEVCHAIN_CONFIG_INVALID, "block time " + interval.toMillis()
          + " ms is below the minimum of " + MIN_BLOCK_TIME.toMillis() + " ms");
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
