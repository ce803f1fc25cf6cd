package ai.kinitro.common.chain;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleReader;
import ai.kinitro.common.scale.ScaleWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of {@code Commitments.CommitmentOf(netuid, hotkey)}: {@code Registration { deposit u64,
 * block u32, info: CommitmentInfo { fields: BoundedVec<Data, 3> } }}. The chain decodes it through
 * {@code AppendZerosInput}, so {@link #decode(byte[])} treats missing trailing bytes as zeros.
 *
 * @param deposit the deposit held (its 64 bits; 0 on the current runtime)
 * @param block the block the commitment was last set in (u32)
 * @param fields at most {@link #MAX_FIELDS} fields
 */
public record CommitmentRegistration(long deposit, long block, List<CommitmentData> fields) {
  public static final int MAX_FIELDS = 3;

  public CommitmentRegistration {
    if (block < 0 || block > 0xFFFF_FFFFL) {
      throw new KinitroException(ErrorCode.CHAIN_VALUE_OUT_OF_RANGE, "block " + block + " does not fit a u32");
    }
    fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    requireFieldCount(fields);
  }

  /** Decodes a storage value, padding missing trailing bytes with zeros like the runtime does. */
  public static CommitmentRegistration decode(byte[] storageValue) {
    ScaleReader reader = ScaleReader.zeroPadded(storageValue);
    long deposit = reader.u64();
    long block = reader.u32();
    List<CommitmentData> fields = readInfo(reader);
    return new CommitmentRegistration(deposit, block, fields);
  }

  public byte[] encode() {
    ScaleWriter writer = new ScaleWriter().u64(deposit).u32(block);
    writeInfo(writer, fields);
    return writer.toByteArray();
  }

  /**
   * The first field as text if it is {@code Raw}: what the Python SDK's {@code decode_metadata}
   * returns (invalid UTF-8 dropped, other fields ignored).
   */
  public Optional<String> firstRawText() {
    return fields.isEmpty() || !(fields.getFirst() instanceof CommitmentData.Raw raw)
        ? Optional.empty()
        : Optional.of(raw.text());
  }

  /** Writes a {@code CommitmentInfo}: compact field count, then each field. */
  public static void writeInfo(ScaleWriter writer, List<CommitmentData> fields) {
    requireFieldCount(fields);
    writer.sequence(fields, (w, field) -> field.write(w));
  }

  /** Reads a {@code CommitmentInfo}'s fields. */
  public static List<CommitmentData> readInfo(ScaleReader reader) {
    int offset = reader.position();
    List<CommitmentData> fields = reader.sequence(CommitmentData::read);
    if (fields.size() > MAX_FIELDS) {
      throw new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED, "commitment info at offset " + offset + " has "
          + fields.size() + " fields; the chain allows at most " + MAX_FIELDS);
    }
    return fields;
  }

  private static void requireFieldCount(List<CommitmentData> fields) {
    if (fields.size() > MAX_FIELDS) {
      throw new KinitroException(ErrorCode.COMMITMENT_TOO_LARGE,
          "a commitment holds at most " + MAX_FIELDS + " fields but " + fields.size() + " were given");
    }
  }
}
