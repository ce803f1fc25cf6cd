package ai.kinitro.common.chain.client;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.CommitmentData;
import ai.kinitro.common.chain.CommitmentRegistration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A hotkey's current commitment on a subnet.
 *
 * @param hotkey who committed
 * @param registration the stored value: fields and the block it was set at
 */
public record Commitment(AccountId hotkey, CommitmentRegistration registration) {
  public Commitment {
    Objects.requireNonNull(hotkey, "hotkey");
    Objects.requireNonNull(registration, "registration");
  }

  /** The block the commitment was last set in. */
  public long block() {
    return registration.block();
  }

  public List<CommitmentData> fields() {
    return registration.fields();
  }

  /** The first field as text if it is Raw (what the Python SDK reads). */
  public Optional<String> firstRawText() {
    return registration.firstRawText();
  }
}
