package ai.kinitro.devchain.rpc;

import tools.jackson.databind.JsonNode;

/**
 * One client connection as the methods see it. Over HTTP there are no subscriptions; over
 * WebSocket a method opens one with {@link #openSubscription}, and notifications sent before the
 * subscribe answer has gone out are held back until it has.
 */
interface RpcSession {
  boolean supportsSubscriptions();

  /** Registers a subscription; {@code onCancel} runs when the client unsubscribes or disconnects. */
  Subscription openSubscription(String notificationMethod, Runnable onCancel);

  /** Cancels the subscription with {@code id}, if it is this session's. */
  boolean cancelSubscription(String id);

  /** A subscription's sending side. */
  interface Subscription {
    String id();

    /** Sends {@code {"jsonrpc":"2.0","method":m,"params":{"subscription":id,"result":result}}}. */
    void send(JsonNode result);

    /** Ends the subscription from the server side (after a terminal status). */
    void close();

    /** Drops a subscription whose subscribe call failed: nothing held back is sent. */
    void discard();
  }
}
