package ai.kinitro.rollout.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes small ONNX models without any ONNX tooling: a graph of nodes, float initializers and typed
 * inputs/outputs, encoded straight into the protobuf wire format of {@code onnx.ModelProto} (IR
 * version 8, default opset 13). Enough for linear policies and for the malformed models the tests
 * need; not a general ONNX library.
 *
 * <pre>{@code
 * byte[] model = OnnxModelWriter.linearPolicy("state", "action", weights, bias, OnnxModelWriter.Batch.DYNAMIC);
 * }</pre>
 */
public final class OnnxModelWriter {
  /** ONNX element types used here (values of {@code TensorProto.DataType}). */
  public static final int FLOAT = 1;
  public static final int UINT8 = 2;
  public static final int INT32 = 6;
  public static final int INT64 = 7;
  public static final int DOUBLE = 11;

  private static final long IR_VERSION = 8;
  private static final long OPSET = 13;

  /** How the linear policy's input is shaped. */
  public enum Batch {
    /** {@code [batch, n]} with a symbolic first dimension: the runner feeds a whole batch at once. */
    DYNAMIC,
    /** {@code [1, n]}: one observation per run. */
    ONE,
    /** {@code [n]}: one observation, no batch dimension. */
    NONE
  }

  private final List<byte[]> nodes = new ArrayList<>();
  private final List<byte[]> initializers = new ArrayList<>();
  private final List<byte[]> inputs = new ArrayList<>();
  private final List<byte[]> outputs = new ArrayList<>();
  private String graphName = "kinitro-policy";
  private int nodeCount;

  /** An empty graph. */
  public static OnnxModelWriter graph() {
    return new OnnxModelWriter();
  }

  /**
   * A linear policy {@code output = input · Wᵀ + bias} ({@code weights[i][j]} maps input {@code j}
   * to output {@code i}) built from MatMul and Add, with float32 input and output.
   */
  public static byte[] linearPolicy(String input, String output, double[][] weights, double[] bias, Batch batch) {
    int outs = weights.length;
    if (outs == 0 || bias.length != outs) {
      throw new IllegalArgumentException("need one bias per weight row, and at least one row");
    }
    int ins = weights[0].length;
    float[] w = new float[ins * outs];
    for (int i = 0; i < outs; i++) {
      if (weights[i].length != ins) {
        throw new IllegalArgumentException("every weight row needs " + ins + " values");
      }
      for (int j = 0; j < ins; j++) {
        w[j * outs + i] = (float) weights[i][j];
      }
    }
    float[] b = new float[outs];
    for (int i = 0; i < outs; i++) {
      b[i] = (float) bias[i];
    }
    Object[] inDims = switch (batch) {
      case DYNAMIC -> new Object[] {"batch", (long) ins};
      case ONE -> new Object[] {1L, (long) ins};
      case NONE -> new Object[] {(long) ins};
    };
    Object[] outDims = switch (batch) {
      case DYNAMIC -> new Object[] {"batch", (long) outs};
      case ONE -> new Object[] {1L, (long) outs};
      case NONE -> new Object[] {(long) outs};
    };
    return graph()
        .input(input, FLOAT, inDims)
        .initializer("W", new long[] {ins, outs}, w)
        .initializer("b", new long[] {outs}, b)
        .node("MatMul", List.of(input, "W"), List.of("scores"), Map.of())
        .node("Add", List.of("scores", "b"), List.of(output), Map.of())
        .output(output, FLOAT, outDims)
        .toBytes();
  }

  /**
   * Weights of the classic CartPole controller as two scores, push left and push right: {@code
   * ±(θ + 0.5·θ̇)}. The argmax a discrete action space takes is the choice of {@code
   * PolicyAgent.CART_POLE}: right exactly when {@code θ + 0.5·θ̇ > 0}.
   */
  public static double[][] cartPoleWeights() {
    return new double[][] {{0, 0, -1, -0.5}, {0, 0, 1, 0.5}};
  }

  /** The CartPole controller as a batched linear model, input {@code state}, output {@code action}. */
  public static byte[] cartPolePolicy() {
    return linearPolicy("state", "action", cartPoleWeights(), new double[2], Batch.DYNAMIC);
  }

  public OnnxModelWriter name(String name) {
    this.graphName = Objects.requireNonNull(name, "name");
    return this;
  }

  /**
   * A graph input; each dimension is a {@code Long} (fixed size) or a {@code String} (symbolic,
   * e.g. {@code "batch"}).
   */
  public OnnxModelWriter input(String name, int elemType, Object... dims) {
    inputs.add(valueInfo(name, elemType, dims));
    return this;
  }

  /** A graph output; dimensions as for {@link #input}. */
  public OnnxModelWriter output(String name, int elemType, Object... dims) {
    outputs.add(valueInfo(name, elemType, dims));
    return this;
  }

  /** A float32 constant. */
  public OnnxModelWriter initializer(String name, long[] dims, float[] values) {
    long n = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
    if (n != values.length) {
      throw new IllegalArgumentException("initializer " + name + " needs " + n + " values, got " + values.length);
    }
    Proto t = new Proto();
    for (long d : dims) {
      t.varint(1, d); // dims
    }
    t.varint(2, FLOAT); // data_type
    t.string(8, name); // name
    ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    t.bytes(9, raw.array()); // raw_data
    initializers.add(t.toBytes());
    return this;
  }

  /** A node of the default domain; attribute values are {@code Long} (INT) or {@code Float} (FLOAT). */
  public OnnxModelWriter node(String opType, List<String> in, List<String> out, Map<String, Object> attributes) {
    Proto n = new Proto();
    in.forEach(s -> n.string(1, s)); // input
    out.forEach(s -> n.string(2, s)); // output
    n.string(3, opType.toLowerCase(java.util.Locale.ROOT) + "_" + nodeCount++); // name
    n.string(4, opType); // op_type
    for (Map.Entry<String, Object> a : new LinkedHashMap<>(attributes).entrySet()) {
      Proto attr = new Proto();
      attr.string(1, a.getKey()); // name
      switch (a.getValue()) {
        case Long l -> {
          attr.varint(3, l); // i
          attr.varint(20, 2); // type INT
        }
        case Float f -> {
          attr.fixed32(2, f); // f
          attr.varint(20, 1); // type FLOAT
        }
        default -> throw new IllegalArgumentException("attribute " + a.getKey() + ": only Long and Float are supported");
      }
      n.bytes(5, attr.toBytes()); // attribute
    }
    nodes.add(n.toBytes());
    return this;
  }

  /** The encoded {@code ModelProto}. */
  public byte[] toBytes() {
    Proto g = new Proto();
    nodes.forEach(b -> g.bytes(1, b)); // node
    g.string(2, graphName); // name
    initializers.forEach(b -> g.bytes(5, b)); // initializer
    inputs.forEach(b -> g.bytes(11, b)); // input
    outputs.forEach(b -> g.bytes(12, b)); // output
    Proto opset = new Proto();
    opset.string(1, ""); // domain
    opset.varint(2, OPSET); // version
    Proto m = new Proto();
    m.varint(1, IR_VERSION); // ir_version
    m.string(2, "kinitro"); // producer_name
    m.bytes(7, g.toBytes()); // graph
    m.bytes(8, opset.toBytes()); // opset_import
    return m.toBytes();
  }

  private static byte[] valueInfo(String name, int elemType, Object... dims) {
    Proto shape = new Proto();
    for (Object d : dims) {
      Proto dim = new Proto();
      switch (d) {
        case Long l -> dim.varint(1, l); // dim_value
        case Integer i -> dim.varint(1, i); // dim_value
        case String s -> dim.string(2, s); // dim_param
        default -> throw new IllegalArgumentException("a dimension is a Long or a String, not " + d);
      }
      shape.bytes(1, dim.toBytes()); // dim
    }
    Proto tensor = new Proto();
    tensor.varint(1, elemType); // elem_type
    tensor.bytes(2, shape.toBytes()); // shape
    Proto type = new Proto();
    type.bytes(1, tensor.toBytes()); // tensor_type
    Proto v = new Proto();
    v.string(1, name); // name
    v.bytes(2, type.toBytes()); // type
    return v.toBytes();
  }

  /** The protobuf wire format: varints, length-delimited fields and fixed 32-bit values. */
  private static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void varint(int field, long value) {
      tag(field, 0);
      raw(value);
    }

    void fixed32(int field, float value) {
      tag(field, 5);
      int bits = Float.floatToIntBits(value);
      for (int i = 0; i < 4; i++) {
        out.write(bits >>> (8 * i) & 0xFF);
      }
    }

    void string(int field, String value) {
      bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(int field, byte[] value) {
      tag(field, 2);
      raw(value.length);
      out.writeBytes(value);
    }

    private void tag(int field, int wireType) {
      raw(((long) field << 3) | wireType);
    }

    private void raw(long value) {
      long v = value;
      while ((v & ~0x7FL) != 0) {
        out.write((int) (v & 0x7F) | 0x80);
        v >>>= 7;
      }
      out.write((int) v);
    }

    byte[] toBytes() {
      return out.toByteArray();
    }
  }
}
