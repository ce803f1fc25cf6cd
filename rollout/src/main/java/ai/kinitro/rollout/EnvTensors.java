package ai.kinitro.rollout;

import ai.kinitro.common.agent.ActionSpace;
import ai.kinitro.common.agent.AgentMessages;
import ai.kinitro.common.agent.AgentTensor;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.DType;
import ai.kinitro.env.Space;
import ai.kinitro.env.Tensor;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Conversions between the environments' tensors and spaces ({@code ai.kinitro.env}) and the agent
 * protocol (protobuf tensors, SDK tensors and action spaces). Reading an agent's tensor validates
 * it: dtype, shape and byte length must agree ({@link ErrorCode#AGENT_MALFORMED_TENSOR}).
 */
public final class EnvTensors {
  private EnvTensors() {}

  public static ai.kinitro.common.agent.v1.DType toProto(DType dtype) {
    return AgentMessages.toProto(toAgent(dtype));
  }

  public static AgentTensor.DType toAgent(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> AgentTensor.DType.FLOAT32;
      case FLOAT64 -> AgentTensor.DType.FLOAT64;
      case INT64 -> AgentTensor.DType.INT64;
      case UINT8 -> AgentTensor.DType.UINT8;
    };
  }

  /** The environment tensor's elements as little-endian bytes. */
  public static byte[] littleEndianBytes(Tensor t) {
    return switch (t) {
      case Tensor.UInt8 u -> u.data();
      case Tensor.Float32 f -> {
        ByteBuffer b = ByteBuffer.allocate(f.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(f.data());
        yield b.array();
      }
      case Tensor.Float64 d -> {
        ByteBuffer b = ByteBuffer.allocate(d.data().length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(d.data());
        yield b.array();
      }
      case Tensor.Int64 l -> {
        ByteBuffer b = ByteBuffer.allocate(l.data().length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(l.data());
        yield b.array();
      }
    };
  }

  public static ai.kinitro.common.agent.v1.Tensor toProto(Tensor t) {
    ai.kinitro.common.agent.v1.Tensor.Builder b = ai.kinitro.common.agent.v1.Tensor.newBuilder()
        .setDtype(toProto(t.dtype()))
        .setData(UnsafeByteOperations.unsafeWrap(littleEndianBytes(t)));
    for (int d : t.shape()) {
      b.addShape(d);
    }
    return b.build();
  }

  /** An agent's wire tensor as an environment tensor; malformed tensors are the agent's fault. */
  public static Tensor fromProto(ai.kinitro.common.agent.v1.Tensor t) {
    AgentTensor.DType dtype = AgentMessages.fromProto(t.getDtype());
    List<Integer> dims = t.getShapeList();
    int[] shape = new int[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = dims.get(i);
    }
    int n = AgentTensor.elementCount(shape);
    ByteString data = t.getData();
    if ((long) n * dtype.byteSize() != data.size()) {
      throw new KinitroException(ErrorCode.AGENT_MALFORMED_TENSOR, "The agent sent a " + dtype.numpyName()
          + " tensor of shape " + dims + " with " + data.size() + " bytes; it needs " + (long) n * dtype.byteSize());
    }
    ByteBuffer b = data.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    return switch (dtype) {
      case FLOAT32 -> {
        float[] v = new float[n];
        b.asFloatBuffer().get(v);
        yield new Tensor.Float32(shape, v);
      }
      case FLOAT64 -> {
        double[] v = new double[n];
        b.asDoubleBuffer().get(v);
        yield new Tensor.Float64(shape, v);
      }
      case INT64 -> {
        long[] v = new long[n];
        b.asLongBuffer().get(v);
        yield new Tensor.Int64(shape, v);
      }
      case UINT8 -> new Tensor.UInt8(shape, data.toByteArray());
    };
  }

  public static AgentTensor toAgent(Tensor t) {
    return new AgentTensor(toAgent(t.dtype()), t.shape(), littleEndianBytes(t));
  }

  public static Tensor fromAgent(AgentTensor t) {
    return fromProto(AgentMessages.toProto(t));
  }

  /** The action space as the agent learns it in Reset. */
  public static ActionSpace toAgent(Space space) {
    return switch (space) {
      case Space.Box box -> new ActionSpace.Box(toAgent(box.dtype()), box.shape(), box.low(), box.high());
      case Space.Discrete d -> new ActionSpace.Discrete(d.n(), d.start());
    };
  }
}
