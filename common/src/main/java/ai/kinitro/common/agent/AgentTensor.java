package ai.kinitro.common.agent;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A dense tensor as it travels between the evaluator and an agent: an element type, a shape and
 * the elements as raw little-endian bytes in row-major order. A scalar has an empty shape and one
 * element. The constructor checks that the byte length matches the shape, so a value of this type
 * is always well-formed.
 */
public record AgentTensor(DType dtype, int[] shape, byte[] data) {

  /** Element types, named as NumPy names them. */
  public enum DType {
    FLOAT32("float32", 4),
    FLOAT64("float64", 8),
    INT64("int64", 8),
    UINT8("uint8", 1);

    private final String numpyName;
    private final int byteSize;

    DType(String numpyName, int byteSize) {
      this.numpyName = numpyName;
      this.byteSize = byteSize;
    }

    public String numpyName() {
      return numpyName;
    }

    public int byteSize() {
      return byteSize;
    }
  }

  public AgentTensor {
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(data, "data");
    shape = shape.clone();
    data = data.clone();
    long expected = (long) elementCount(shape) * dtype.byteSize();
    if (expected != data.length) {
      throw new KinitroException(ErrorCode.AGENT_MALFORMED_TENSOR,
          "A " + dtype.numpyName() + " tensor of shape " + Arrays.toString(shape) + " needs " + expected
              + " bytes, but " + data.length + " were given");
    }
  }

  /** Number of elements a shape holds; a negative dimension or an overflow is a malformed tensor. */
  public static int elementCount(int[] shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new KinitroException(ErrorCode.AGENT_MALFORMED_TENSOR,
            "Tensor shape " + Arrays.toString(shape) + " has a negative dimension");
      }
      n *= d;
      if (n > Integer.MAX_VALUE) {
        throw new KinitroException(ErrorCode.AGENT_MALFORMED_TENSOR,
            "Tensor shape " + Arrays.toString(shape) + " has more than 2^31 elements");
      }
    }
    return (int) n;
  }

  public static AgentTensor float32(int[] shape, float... values) {
    ByteBuffer b = buffer(values.length * 4);
    b.asFloatBuffer().put(values);
    return new AgentTensor(DType.FLOAT32, shape, b.array());
  }

  public static AgentTensor float64(int[] shape, double... values) {
    ByteBuffer b = buffer(values.length * 8);
    b.asDoubleBuffer().put(values);
    return new AgentTensor(DType.FLOAT64, shape, b.array());
  }

  public static AgentTensor int64(int[] shape, long... values) {
    ByteBuffer b = buffer(values.length * 8);
    b.asLongBuffer().put(values);
    return new AgentTensor(DType.INT64, shape, b.array());
  }

  public static AgentTensor uint8(int[] shape, byte... values) {
    return new AgentTensor(DType.UINT8, shape, values);
  }

  /** A one-dimensional float32 vector. */
  public static AgentTensor vector(float... values) {
    return float32(new int[] {values.length}, values);
  }

  /** An int64 scalar (shape {@code []}), the form of a discrete action. */
  public static AgentTensor scalar(long value) {
    return int64(new int[0], value);
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The backing bytes without a copy, for the protobuf conversion in this package only. */
  byte[] unsafeData() {
    return data;
  }

  /** Wraps bytes without copying them; the caller hands over ownership. */
  static AgentTensor unsafeWrap(DType dtype, int[] shape, byte[] data) {
    return new AgentTensor(dtype, shape, data);
  }

  public int size() {
    return data.length / dtype.byteSize();
  }

  /** Element {@code i} of the flattened tensor, widened to a double. */
  public double getDouble(int i) {
    Objects.checkIndex(i, size());
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    return switch (dtype) {
      case FLOAT32 -> b.getFloat(i * 4);
      case FLOAT64 -> b.getDouble(i * 8);
      case INT64 -> b.getLong(i * 8);
      case UINT8 -> data[i] & 0xFF;
    };
  }

  /** Every element, widened to double, in row-major order. */
  public double[] toDoubles() {
    double[] out = new double[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = getDouble(i);
    }
    return out;
  }

  /** Every element narrowed or widened to float, in row-major order. */
  public float[] toFloats() {
    float[] out = new float[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) getDouble(i);
    }
    return out;
  }

  private static ByteBuffer buffer(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgentTensor t && dtype == t.dtype && Arrays.equals(shape, t.shape)
        && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    String bytes = data.length <= 32 ? HexFormat.of().formatHex(data) : data.length + " bytes";
    return dtype.numpyName() + Arrays.toString(shape) + "(" + bytes + ")";
  }
}
