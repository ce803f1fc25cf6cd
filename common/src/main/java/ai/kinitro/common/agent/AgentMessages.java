package ai.kinitro.common.agent;

import ai.kinitro.common.agent.v1.ActRequest;
import ai.kinitro.common.agent.v1.Box;
import ai.kinitro.common.agent.v1.DType;
import ai.kinitro.common.agent.v1.Discrete;
import ai.kinitro.common.agent.v1.Observation;
import ai.kinitro.common.agent.v1.ResetRequest;
import ai.kinitro.common.agent.v1.Space;
import ai.kinitro.common.agent.v1.Tensor;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import com.google.protobuf.UnsafeByteOperations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions between the agent protocol's protobuf messages and the SDK's domain records. Reading
 * a message validates it: a tensor whose dtype, shape and byte length disagree is rejected with
 * {@link ErrorCode#AGENT_MALFORMED_TENSOR}, never with a raw runtime exception.
 */
public final class AgentMessages {
  private AgentMessages() {}

  public static DType toProto(AgentTensor.DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> DType.DTYPE_FLOAT32;
      case FLOAT64 -> DType.DTYPE_FLOAT64;
      case INT64 -> DType.DTYPE_INT64;
      case UINT8 -> DType.DTYPE_UINT8;
    };
  }

  /** The SDK dtype of a wire dtype; unspecified or unknown values are a malformed tensor. */
  public static AgentTensor.DType fromProto(DType dtype) {
    return switch (dtype) {
      case DTYPE_FLOAT32 -> AgentTensor.DType.FLOAT32;
      case DTYPE_FLOAT64 -> AgentTensor.DType.FLOAT64;
      case DTYPE_INT64 -> AgentTensor.DType.INT64;
      case DTYPE_UINT8 -> AgentTensor.DType.UINT8;
      case DTYPE_UNSPECIFIED, UNRECOGNIZED -> throw new KinitroException(ErrorCode.AGENT_MALFORMED_TENSOR,
          "Tensor dtype is unspecified or unknown; use one of float32, float64, int64, uint8");
    };
  }

  public static Tensor toProto(AgentTensor tensor) {
    Tensor.Builder b = Tensor.newBuilder().setDtype(toProto(tensor.dtype()))
        .setData(UnsafeByteOperations.unsafeWrap(tensor.unsafeData()));
    for (int d : tensor.shape()) {
      b.addShape(d);
    }
    return b.build();
  }

  public static AgentTensor fromProto(Tensor tensor) {
    AgentTensor.DType dtype = fromProto(tensor.getDtype());
    int[] shape = shape(tensor.getShapeList());
    return AgentTensor.unsafeWrap(dtype, shape, tensor.getData().toByteArray());
  }

  public static Space toProto(ActionSpace space) {
    return switch (space) {
      case ActionSpace.Box box -> {
        Box.Builder b = Box.newBuilder().setDtype(toProto(box.dtype()));
        for (int d : box.shape()) {
          b.addShape(d);
        }
        for (int i = 0; i < box.size(); i++) {
          b.addLow(box.low(i)).addHigh(box.high(i));
        }
        yield Space.newBuilder().setBox(b).build();
      }
      case ActionSpace.Discrete d -> Space.newBuilder()
          .setDiscrete(Discrete.newBuilder().setN(d.n()).setStart(d.start())).build();
    };
  }

  public static ActionSpace fromProto(Space space) {
    return switch (space.getKindCase()) {
      case BOX -> {
        Box b = space.getBox();
        double[] low = b.getLowList().stream().mapToDouble(Double::doubleValue).toArray();
        double[] high = b.getHighList().stream().mapToDouble(Double::doubleValue).toArray();
        int[] shape = shape(b.getShapeList());
        if (low.length != AgentTensor.elementCount(shape) || high.length != low.length) {
          throw new KinitroException(ErrorCode.MALFORMED_MESSAGE,
              "Action space box has " + low.length + "/" + high.length + " bounds for " + AgentTensor.elementCount(shape)
                  + " elements");
        }
        yield new ActionSpace.Box(fromProto(b.getDtype()), shape, low, high);
      }
      case DISCRETE -> {
        if (space.getDiscrete().getN() <= 0) {
          throw new KinitroException(ErrorCode.MALFORMED_MESSAGE, "Discrete action space needs n > 0");
        }
        yield new ActionSpace.Discrete(space.getDiscrete().getN(), space.getDiscrete().getStart());
      }
      case KIND_NOT_SET -> throw new KinitroException(ErrorCode.MALFORMED_MESSAGE, "Reset carries no action space");
    };
  }

  public static ResetRequest toProto(TaskInfo task) {
    return ResetRequest.newBuilder()
        .setTaskId(task.taskId())
        .setEnvId(task.envId())
        .setInstruction(task.instruction())
        .setEpisodeIndex(task.episodeIndex())
        .setActionSpace(toProto(task.actionSpace()))
        .setMaxEpisodeSteps(task.maxEpisodeSteps())
        .build();
  }

  public static TaskInfo fromProto(ResetRequest request) {
    if (request.getEpisodeIndex() < 0) {
      throw new KinitroException(ErrorCode.MALFORMED_MESSAGE, "episode_index does not fit a signed 64-bit number");
    }
    return new TaskInfo(request.getTaskId(), request.getEnvId(), request.getInstruction(), request.getEpisodeIndex(),
        fromProto(request.getActionSpace()), Math.max(0, request.getMaxEpisodeSteps()));
  }

  public static ActRequest toProto(Step step) {
    Observation.Builder obs = Observation.newBuilder();
    step.observation().forEach((k, v) -> obs.putTensors(k, toProto(v)));
    return ActRequest.newBuilder().setEpisodeIndex(step.episodeIndex()).setStep(step.step()).setObservation(obs).build();
  }

  public static Step fromProto(ActRequest request) {
    Map<String, AgentTensor> obs = new LinkedHashMap<>();
    request.getObservation().getTensorsMap().forEach((k, v) -> obs.put(k, fromProto(v)));
    return new Step(request.getEpisodeIndex(), request.getStep(), obs);
  }

  private static int[] shape(List<Integer> dims) {
    int[] shape = new int[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = dims.get(i);
    }
    AgentTensor.elementCount(shape);
    return shape;
  }
}
