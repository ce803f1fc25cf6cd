package ai.kinitro.rollout.onnx;

import ai.kinitro.common.agent.AgentTensor;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An ONNX model loaded with onnxruntime and checked against the manifest: the named input and
 * output exist and are float32 tensors, and the model needs no other input. One observation maps
 * to one output vector.
 *
 * <p>Shapes. The model's input is either one observation ({@code [4]} for a CartPole state) or a
 * batch of them ({@code [batch, 4]}, its first dimension symbolic or 1). With a symbolic batch
 * dimension, {@link #run} evaluates a whole batch of equally shaped observations in one call;
 * otherwise one call per observation. A model whose per-observation dimensions are all fixed may
 * also take the observation reshaped, as long as the element counts agree.
 *
 * <p>Runs on one thread (intra- and inter-op), so an agent uses the CPU it is given and no more.
 * Not thread-safe: the agent server hands it one call at a time.
 */
public final class OnnxPolicy implements AutoCloseable {
  private static final long NATIVE_INIT_STACK_BYTES = 16L << 20;
  private static OrtEnvironment environment;

  private final OrtEnvironment env;
  private final OrtSession session;
  private final String input;
  private final String output;
  private final long[] inputShape;
  private long modelRuns;

  private OnnxPolicy(OrtEnvironment env, OrtSession session, String input, String output, long[] inputShape) {
    this.env = env;
    this.session = session;
    this.input = input;
    this.output = output;
    this.inputShape = inputShape;
  }

  /** Loads and checks the model; failures are {@code ONNX_MODEL_INVALID} or {@code ONNX_MODEL_SIGNATURE_MISMATCH}. */
  public static OnnxPolicy load(Path model, String input, String output) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    if (!Files.isRegularFile(model)) {
      throw new KinitroException(ErrorCode.ONNX_MODEL_INVALID, "The ONNX model " + model + " is not a file");
    }
    OrtEnvironment env = environment();
    OrtSession session;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      session = env.createSession(model.toString(), options);
    } catch (OrtException e) {
      throw new KinitroException(ErrorCode.ONNX_MODEL_INVALID, "onnxruntime cannot load the model " + model.getFileName()
          + ": " + e.getMessage() + ". Export it again (e.g. torch.onnx.export with opset 13 or later) and check it "
          + "with onnx.checker", e);
    }
    try {
      long[] shape = check(session, input, output);
      return new OnnxPolicy(env, session, input, output, shape);
    } catch (RuntimeException e) {
      closeQuietly(session);
      throw e;
    }
  }

  /**
   * The onnxruntime environment, created once. Its first creation runs onnxruntime's native
   * start-up (hardware discovery), which needs more stack than a JVM thread's default 1 MiB (it
   * overflows and the process dies with SIGSEGV), so it runs on a thread with a larger stack.
   */
  static OrtEnvironment environment() {
    synchronized (OnnxPolicy.class) {
      if (environment == null) {
        OrtEnvironment[] created = new OrtEnvironment[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
          try {
            created[0] = OrtEnvironment.getEnvironment();
          } catch (Throwable e) {
            failure[0] = e;
          }
        }, "onnxruntime-init", NATIVE_INIT_STACK_BYTES);
        t.start();
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new KinitroException(ErrorCode.ONNX_INFERENCE_FAILED, "Interrupted while starting onnxruntime", e);
        }
        if (failure[0] != null) {
          throw new KinitroException(ErrorCode.ONNX_INFERENCE_FAILED, "onnxruntime could not start: " + failure[0],
              failure[0]);
        }
        environment = created[0];
      }
      return environment;
    }
  }

  private static long[] check(OrtSession session, String input, String output) {
    try {
      Map<String, NodeInfo> inputs = session.getInputInfo();
      Map<String, NodeInfo> outputs = session.getOutputInfo();
      if (!inputs.containsKey(input)) {
        throw mismatch("The model has no input named '" + input + "' (its inputs: " + new TreeSet<>(inputs.keySet())
            + "); set \"input\" in kinitro-agent.json to one of them");
      }
      Set<String> others = new TreeSet<>(inputs.keySet());
      others.remove(input);
      if (!others.isEmpty()) {
        throw mismatch("The model needs inputs " + others + " besides '" + input + "', but the runner feeds only the "
            + "observation; fold them into the model as constants");
      }
      if (!outputs.containsKey(output)) {
        throw mismatch("The model has no output named '" + output + "' (its outputs: " + new TreeSet<>(outputs.keySet())
            + "); set \"output\" in kinitro-agent.json to one of them");
      }
      TensorInfo in = floatTensor(inputs.get(input), "input");
      floatTensor(outputs.get(output), "output");
      return in.getShape();
    } catch (OrtException e) {
      throw new KinitroException(ErrorCode.ONNX_MODEL_INVALID, "Cannot read the model's inputs and outputs: "
          + e.getMessage(), e);
    }
  }

  private static TensorInfo floatTensor(NodeInfo node, String role) {
    if (!(node.getInfo() instanceof TensorInfo t)) {
      throw mismatch("The model's " + role + " '" + node.getName() + "' is not a tensor (" + node.getInfo() + ")");
    }
    if (t.type != OnnxJavaType.FLOAT) {
      throw mismatch("The model's " + role + " '" + node.getName() + "' is " + t.onnxType + "; the runner needs float32 "
          + "(cast inside the model if it computes in another type)");
    }
    return t;
  }

  /** The declared input shape; -1 marks a symbolic dimension. */
  public long[] inputShape() {
    return inputShape.clone();
  }

  /** True when the input's first dimension is symbolic: a batch runs in one call. */
  public boolean dynamicBatch() {
    return inputShape.length >= 2 && inputShape[0] < 0;
  }

  /** How many times the model has run so far (a batched call counts once). */
  public long modelRuns() {
    return modelRuns;
  }

  /** The model's output for each observation, in order, as doubles. */
  public List<double[]> run(List<AgentTensor> observations) {
    if (observations.isEmpty()) {
      return List.of();
    }
    int[] first = observations.getFirst().shape();
    boolean sameShape = observations.stream().allMatch(o -> Arrays.equals(o.shape(), first));
    if (observations.size() > 1 && sameShape && dynamicBatch() && inputShape.length == first.length + 1) {
      return runBatch(observations);
    }
    List<double[]> out = new ArrayList<>(observations.size());
    for (AgentTensor o : observations) {
      out.add(runBatch(List.of(o)).getFirst());
    }
    return out;
  }

  private List<double[]> runBatch(List<AgentTensor> observations) {
    int n = observations.size();
    int[] obsShape = observations.getFirst().shape();
    long[] feed = feedShape(obsShape, n);
    int per = observations.getFirst().size();
    FloatBuffer data = FloatBuffer.allocate(per * n);
    for (AgentTensor o : observations) {
      data.put(o.toFloats());
    }
    data.flip();
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, data, feed);
        OrtSession.Result result = session.run(Map.of(input, tensor), Set.of(output))) {
      modelRuns++;
      OnnxValue value = result.get(output).orElseThrow(() -> new KinitroException(ErrorCode.ONNX_INFERENCE_FAILED,
          "The model produced no '" + output + "'"));
      if (!(value instanceof OnnxTensor t) || t.getInfo().type != OnnxJavaType.FLOAT) {
        throw new KinitroException(ErrorCode.ONNX_OBSERVATION_MISMATCH, "The model's output '" + output
            + "' is not a float32 tensor at run time");
      }
      FloatBuffer fb = t.getFloatBuffer();
      long[] outShape = t.getInfo().getShape();
      int total = fb.remaining();
      if (n > 1 && (outShape.length == 0 || outShape[0] != n)) {
        throw new KinitroException(ErrorCode.ONNX_OBSERVATION_MISMATCH, "For a batch of " + n
            + " observations the model's output has shape " + Arrays.toString(outShape) + "; its first dimension must "
            + "be the batch");
      }
      if (total == 0 || total % n != 0) {
        throw new KinitroException(ErrorCode.ONNX_OBSERVATION_MISMATCH, "The model's output has shape "
            + Arrays.toString(outShape) + ", which does not split into " + n + " action(s)");
      }
      int each = total / n;
      List<double[]> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        double[] v = new double[each];
        for (int j = 0; j < each; j++) {
          v[j] = fb.get(i * each + j);
        }
        out.add(v);
      }
      return out;
    } catch (OrtException e) {
      throw new KinitroException(ErrorCode.ONNX_INFERENCE_FAILED, "onnxruntime failed to run the model on an "
          + "observation of shape " + Arrays.toString(obsShape) + " (fed as " + Arrays.toString(feed) + "): "
          + e.getMessage(), e);
    }
  }

  /**
   * The shape the observations are fed with: {@code [n, obs…]} when the model has a batch
   * dimension, the observation's own shape when the ranks agree, or the model's fixed shape when
   * only the element counts agree.
   */
  long[] feedShape(int[] obs, int n) {
    long count = AgentTensor.elementCount(obs);
    long[] model = inputShape;
    if (model.length == obs.length + 1 && (model[0] < 0 || (model[0] == 1 && n == 1))) {
      long[] feed = new long[model.length];
      feed[0] = n;
      for (int i = 0; i < obs.length; i++) {
        feed[i + 1] = obs[i];
      }
      if (fits(model, feed, 1)) {
        return feed;
      }
      long[] rest = Arrays.copyOfRange(model, 1, model.length);
      if (allFixed(rest) && product(rest) == count) {
        rest = Arrays.copyOf(model, model.length);
        rest[0] = n;
        return rest;
      }
    } else if (n == 1 && model.length == obs.length) {
      long[] feed = Arrays.stream(obs).asLongStream().toArray();
      if (fits(model, feed, 0)) {
        return feed;
      }
    }
    if (n == 1 && allFixed(model) && product(model) == count) {
      return model.clone();
    }
    throw new KinitroException(ErrorCode.ONNX_OBSERVATION_MISMATCH, "The model's input '" + input + "' has shape "
        + Arrays.toString(model) + " (-1: any size), but the observation has shape " + Arrays.toString(obs)
        + "; export the model for this environment's observation, optionally with a leading batch dimension");
  }

  private static boolean fits(long[] model, long[] feed, int from) {
    for (int i = from; i < model.length; i++) {
      if (model[i] >= 0 && model[i] != feed[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean allFixed(long[] dims) {
    return Arrays.stream(dims).allMatch(d -> d >= 0);
  }

  private static long product(long[] dims) {
    return Arrays.stream(dims).reduce(1, (a, b) -> a * b);
  }

  private static KinitroException mismatch(String message) {
    return new KinitroException(ErrorCode.ONNX_MODEL_SIGNATURE_MISMATCH, message);
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException ignored) {
      // nothing more to do
    }
  }

  @Override
  public void close() {
    closeQuietly(session);
  }
}
