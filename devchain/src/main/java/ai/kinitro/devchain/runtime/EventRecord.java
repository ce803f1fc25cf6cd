package ai.kinitro.devchain.runtime;

import ai.kinitro.common.scale.ScaleWriter;
import java.util.List;
import java.util.Objects;

/**
 * {@code frame_system::EventRecord { phase, event, topics: Vec<H256> }}, an item of {@code
 * System.Events}.
 *
 * @param extrinsicIndex the index of the extrinsic in its block ({@code Phase::ApplyExtrinsic}),
 *     or -1 for {@code Phase::Initialization}
 * @param event the event
 */
public record EventRecord(int extrinsicIndex, RuntimeEvent event) {
  private static final int PHASE_APPLY_EXTRINSIC = 0;
  private static final int PHASE_INITIALIZATION = 2;

  public EventRecord {
    Objects.requireNonNull(event, "event");
  }

  public static EventRecord initialization(RuntimeEvent event) {
    return new EventRecord(-1, event);
  }

  public void write(ScaleWriter writer) {
    if (extrinsicIndex < 0) {
      writer.u8(PHASE_INITIALIZATION);
    } else {
      writer.u8(PHASE_APPLY_EXTRINSIC).u32(extrinsicIndex);
    }
    event.write(writer);
    writer.compact(0); // no topics
  }

  /** The value of {@code System.Events}: {@code Vec<EventRecord>}. */
  public static byte[] encodeAll(List<EventRecord> records) {
    return ScaleWriter.encode(w -> w.sequence(records, (x, r) -> r.write(x)));
  }
}
