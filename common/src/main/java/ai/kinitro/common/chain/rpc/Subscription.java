package ai.kinitro.common.chain.rpc;

/** A live subscription; closing it unsubscribes (best effort) and stops notifications. */
public interface Subscription extends AutoCloseable {

  /** The id the node gave this subscription (it changes when the transport re-subscribes). */
  String id();

  @Override
  void close();
}
