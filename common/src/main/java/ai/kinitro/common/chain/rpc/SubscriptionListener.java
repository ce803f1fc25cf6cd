package ai.kinitro.common.chain.rpc;

import ai.kinitro.common.error.KinitroException;
import tools.jackson.databind.JsonNode;

/** Receives a subscription's notifications, on the transport's thread: return quickly. */
public interface SubscriptionListener {

  /** One notification's {@code params.result}. */
  void onNotification(JsonNode result);

  /**
   * The subscription ended because of {@code error} (for example the connection dropped and the
   * subscription does not {@linkplain #resubscribeOnReconnect() re-subscribe}).
   */
  default void onError(KinitroException error) {}

  /**
   * Whether the transport subscribes again after a reconnect. True for streams such as new
   * heads; false for one-shot watches such as {@code author_submitAndWatchExtrinsic}, which must
   * not be submitted twice.
   */
  default boolean resubscribeOnReconnect() {
    return true;
  }
}
