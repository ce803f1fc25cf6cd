package ai.kinitro.common.chain;

import ai.kinitro.common.scale.ScaleWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An encoded runtime call: the two index bytes followed by the SCALE-encoded arguments.
 *
 * @param index pallet and call index
 * @param arguments the arguments, already SCALE-encoded in declaration order
 */
public record Call(CallIndex index, byte[] arguments) {
  public Call {
    Objects.requireNonNull(index, "index");
    arguments = Objects.requireNonNull(arguments, "arguments").clone();
  }

  @Override
  public byte[] arguments() {
    return arguments.clone();
  }

  /** {@code pallet u8 ++ call u8 ++ arguments}: what goes into an extrinsic. */
  public byte[] toBytes() {
    return new ScaleWriter(arguments.length + 2).u8(index.pallet()).u8(index.call()).fixedBytes(arguments).toByteArray();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Call that && index.equals(that.index) && Arrays.equals(arguments, that.arguments);
  }

  @Override
  public int hashCode() {
    return 31 * index.hashCode() + Arrays.hashCode(arguments);
  }

  @Override
  public String toString() {
    return "Call[" + index.pallet() + "/" + index.call() + ", 0x" + HexFormat.of().formatHex(toBytes()) + "]";
  }
}
