package ai.kinitro.env;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense, row-major (C-order) array with a shape. Observations, actions and images are tensors.
 * The backing arrays are not copied, for speed on the step path: a producer hands over ownership
 * and never mutates the array afterwards.
 */
public sealed interface Tensor {
  DType dtype();

  int[] shape();

  /** Number of elements (product of the shape; 1 for a scalar). */
  default int size() {
    int n = 1;
    for (int d : shape()) {
      n *= d;
    }
    return n;
  }

  /** Element {@code i} of the flattened tensor as a double. */
  double getDouble(int i);

  static Float32 float32(float... data) {
    return new Float32(new int[] {data.length}, data);
  }

  static Float64 float64(double... data) {
    return new Float64(new int[] {data.length}, data);
  }

  static Int64 scalar(long value) {
    return new Int64(new int[0], new long[] {value});
  }

  record Float32(int[] shape, float[] data) implements Tensor {
    public Float32 {
      check(shape, data.length);
    }

    @Override
    public DType dtype() {
      return DType.FLOAT32;
    }

    @Override
    public double getDouble(int i) {
      return data[i];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Float32 t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "float32" + Arrays.toString(shape) + Arrays.toString(data);
    }
  }

  record Float64(int[] shape, double[] data) implements Tensor {
    public Float64 {
      check(shape, data.length);
    }

    @Override
    public DType dtype() {
      return DType.FLOAT64;
    }

    @Override
    public double getDouble(int i) {
      return data[i];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Float64 t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "float64" + Arrays.toString(shape) + Arrays.toString(data);
    }
  }

  record Int64(int[] shape, long[] data) implements Tensor {
    public Int64 {
      check(shape, data.length);
    }

    @Override
    public DType dtype() {
      return DType.INT64;
    }

    @Override
    public double getDouble(int i) {
      return data[i];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Int64 t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "int64" + Arrays.toString(shape) + Arrays.toString(data);
    }
  }

  /** Unsigned bytes; images are {@code [height, width, 3]} RGB. */
  record UInt8(int[] shape, byte[] data) implements Tensor {
    public UInt8 {
      check(shape, data.length);
    }

    @Override
    public DType dtype() {
      return DType.UINT8;
    }

    @Override
    public double getDouble(int i) {
      return data[i] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof UInt8 t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "uint8" + Arrays.toString(shape) + "(" + data.length + " bytes)";
    }
  }

  private static void check(int[] shape, int length) {
    Objects.requireNonNull(shape, "shape");
    int n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      n *= d;
    }
    if (n != length) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " elements, got " + length);
    }
  }
}
