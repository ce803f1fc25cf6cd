package ai.kinitro.common.protocol.validator;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the receiver did with a durable message. Every outcome ends redelivery. */
public enum AckOutcome {
  /** Stored for the first time. */
  @JsonProperty("stored")
  STORED,
  /** Already stored earlier under the same {@code message_id}; nothing changed. */
  @JsonProperty("duplicate")
  DUPLICATE,
  /** Refused for good (the ack carries the error); resending the same message cannot help. */
  @JsonProperty("rejected")
  REJECTED
}
