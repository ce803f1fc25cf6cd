package ai.kinitro.devchain.node;

/** Hears one transaction's status changes, in order, on the node's notification thread. */
@FunctionalInterface
public interface TxWatcher {
  void onStatus(TxStatus status);
}
