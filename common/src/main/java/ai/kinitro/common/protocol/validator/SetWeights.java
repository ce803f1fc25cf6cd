package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.Fields;
import ai.kinitro.common.protocol.WeightEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Backend → validator, durable: a weights snapshot to set on chain. Acked with {@link
 * DeliveryAck}. A validator applies only the newest snapshot it has and never one past {@code
 * expires_at}.
 *
 * @param messageId delivery id
 * @param snapshotId id of the snapshot (the same snapshot sent to many validators has one id)
 * @param netuid the subnet
 * @param computedAt when the backend computed the snapshot
 * @param expiresAt the snapshot must not be applied after this instant
 * @param entries one entry per UID with a non-zero or explicit weight; unique UIDs; weights sum to
 *     at most 1
 */
public record SetWeights(
    UUID messageId, String snapshotId, int netuid, Instant computedAt, Instant expiresAt, List<WeightEntry> entries)
    implements ValidatorMessage, DurableMessage {
  public SetWeights {
    Fields.required(messageId, "message_id");
    Fields.token(snapshotId, "snapshot_id");
    Fields.between(netuid, 0, 65535, "netuid");
    Fields.required(computedAt, "computed_at");
    Fields.required(expiresAt, "expires_at");
    if (!expiresAt.isAfter(computedAt)) {
      throw Fields.invalid("expires_at", "must be after 'computed_at'");
    }
    entries = checkEntries(entries, "entries");
  }

  static List<WeightEntry> checkEntries(List<WeightEntry> entries, String field) {
    List<WeightEntry> copy = Fields.nonEmptyList(entries, field);
    Fields.unique(copy, WeightEntry::uid, field);
    double sum = copy.stream().mapToDouble(WeightEntry::weight).sum();
    if (sum > 1.0 + 1e-9) {
      throw Fields.invalid(field, "weights sum to more than 1");
    }
    return copy;
  }
}
