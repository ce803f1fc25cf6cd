package ai.kinitro.common.protocol.realtime;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Review state of a leader candidate. */
public enum CandidateStatus {
  @JsonProperty("pending")
  PENDING,
  @JsonProperty("approved")
  APPROVED,
  @JsonProperty("rejected")
  REJECTED
}
