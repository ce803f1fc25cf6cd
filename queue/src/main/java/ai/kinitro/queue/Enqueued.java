package ai.kinitro.queue;

/** What an idempotent insert into the queue did. */
public enum Enqueued {
  /** The item is new and now stored. */
  CREATED,
  /** An item with the same id was already stored (in any state); nothing changed. */
  DUPLICATE
}
