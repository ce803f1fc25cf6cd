package ai.kinitro.devchain.node;

/** Hears about each new block, after it is stored; called on the node's notification thread. */
@FunctionalInterface
public interface NodeListener {
  void onNewBlock(BlockRecord block);
}
