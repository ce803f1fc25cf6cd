package ai.kinitro.backend.ws.validator;

/**
 * The validator channel's loops as one handle, so tests and tools can drive them step by step
 * ({@code pollOnce()} style) instead of waiting for their timers.
 */
public final class ValidatorChannel {
  private final JobDelivery delivery;
  private final WeightsPusher weights;
  private final HeartbeatMonitor heartbeats;
  private final IngestPipeline ingest;

  ValidatorChannel(JobDelivery delivery, WeightsPusher weights, HeartbeatMonitor heartbeats, IngestPipeline ingest) {
    this.delivery = delivery;
    this.weights = weights;
    this.heartbeats = heartbeats;
    this.ingest = ingest;
  }

  /** Times out overdue assignments and delivers pending ones to connected validators. */
  public void deliverPending() {
    delivery.pollOnce();
  }

  /** Times out overdue assignments; returns how many. */
  public int reapDeadlines() {
    return delivery.reapDeadlines();
  }

  /** Pushes weights if changed or due; returns how many validators got them. */
  public int pushWeights() {
    return weights.pollOnce();
  }

  /** Writes heartbeats and drops silent validators; returns how many were dropped. */
  public int checkHeartbeats() {
    return heartbeats.pollOnce();
  }

  /** Reports waiting for the ingest writer. */
  public int ingestBacklog() {
    return ingest.backlog();
  }

  /** Reports acked stored or duplicate, and step records written, since start. */
  public long storedMessages() {
    return ingest.storedMessages();
  }

  /** Batch count and time spent writing (benchmark diagnostics). */
  public String ingestBatchStats() {
    return ingest.batchStats();
  }

  public long storedSteps() {
    return ingest.storedSteps();
  }
}
