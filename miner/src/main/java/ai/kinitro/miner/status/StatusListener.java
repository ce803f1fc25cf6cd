package ai.kinitro.miner.status;

import ai.kinitro.common.protocol.realtime.EventPayload;

/** Receives a followed submission's events (on the WebSocket's thread) with the state after each. */
@FunctionalInterface
public interface StatusListener {
  StatusListener NONE = (payload, state) -> {};

  void event(EventPayload payload, SubmissionProgress state);
}
