package ai.kinitro.validator.weights;

import ai.kinitro.common.protocol.WeightEntry;
import ai.kinitro.common.protocol.validator.SetWeights;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A weights snapshot as stored.
 *
 * @param messageId the delivery id ({@code set_weights.message_id}; in lite mode derived from the snapshot id)
 * @param snapshotId the backend's snapshot id
 * @param netuid the subnet
 * @param computedAt when the backend computed it
 * @param expiresAt not applied after this
 * @param entries uid, hotkey and weight of each neuron
 */
public record WeightsSnapshot(UUID messageId, String snapshotId, int netuid, Instant computedAt, Instant expiresAt,
    List<WeightEntry> entries) {
  public WeightsSnapshot {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(snapshotId, "snapshotId");
    Objects.requireNonNull(computedAt, "computedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    entries = List.copyOf(entries);
  }

  public static WeightsSnapshot of(SetWeights message) {
    return new WeightsSnapshot(message.messageId(), message.snapshotId(), message.netuid(), message.computedAt(),
        message.expiresAt(), message.entries());
  }
}
