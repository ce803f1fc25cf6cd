package ai.kinitro.rollout.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.kinitro.common.agent.AgentTensor;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-encoded models loaded by onnxruntime in this JVM. */
class OnnxPolicyTest {
  @TempDir
  Path tmp;

  static final double[][] W = {{0.5, -1.25, 2, 0.125}, {-0.75, 0.25, 1.5, -2}, {1, 1, -1, 0.5}};
  static final double[] B = {0.1, -0.2, 0.3};

  private Path write(String name, byte[] model) throws IOException {
    return Files.write(tmp.resolve(name), model);
  }

  static double[] linear(double[] x) {
    double[] y = new double[W.length];
    for (int i = 0; i < W.length; i++) {
      y[i] = B[i];
      for (int j = 0; j < x.length; j++) {
        y[i] += W[i][j] * x[j];
      }
    }
    return y;
  }

  private static List<AgentTensor> observations(int n) {
    List<AgentTensor> obs = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      obs.add(AgentTensor.vector(0.1f * k, -0.3f + k, 0.05f * k * k, 1.5f - k));
    }
    return obs;
  }

  private static void assertLinear(List<AgentTensor> obs, List<double[]> out) {
    assertThat(out).hasSize(obs.size());
    for (int k = 0; k < obs.size(); k++) {
      double[] expected = linear(obs.get(k).toDoubles());
      assertThat(out.get(k)).hasSize(expected.length);
      for (int i = 0; i < expected.length; i++) {
        assertThat(out.get(k)[i]).as("observation %d, output %d", k, i).isCloseTo(expected[i], within(1e-5));
      }
    }
  }

  @Test
  void aLinearModelWithADynamicBatchComputesTheLinearPolicyForAWholeBatchInOneRun() throws IOException {
    Path model = write("p.onnx", OnnxModelWriter.linearPolicy("state", "action", W, B, OnnxModelWriter.Batch.DYNAMIC));
    try (OnnxPolicy policy = OnnxPolicy.load(model, "state", "action")) {
      assertThat(policy.inputShape()).containsExactly(-1, 4);
      assertThat(policy.dynamicBatch()).isTrue();
      List<AgentTensor> obs = observations(5);

      assertLinear(obs, policy.run(obs));
      assertThat(policy.modelRuns()).isEqualTo(1);
    }
  }

  @Test
  void modelsWithoutADynamicBatchRunOncePerObservation() throws IOException {
    for (OnnxModelWriter.Batch batch : List.of(OnnxModelWriter.Batch.ONE, OnnxModelWriter.Batch.NONE)) {
      Path model = write(batch + ".onnx", OnnxModelWriter.linearPolicy("obs", "out", W, B, batch));
      try (OnnxPolicy policy = OnnxPolicy.load(model, "obs", "out")) {
        assertThat(policy.dynamicBatch()).as(batch.name()).isFalse();
        List<AgentTensor> obs = observations(3);

        assertLinear(obs, policy.run(obs));
        assertThat(policy.modelRuns()).as(batch.name()).isEqualTo(3);
      }
    }
  }

  @Test
  void anObservationOfAnotherDtypeIsConvertedToFloat32() throws IOException {
    Path model = write("p.onnx", OnnxModelWriter.linearPolicy("state", "action", W, B, OnnxModelWriter.Batch.DYNAMIC));
    try (OnnxPolicy policy = OnnxPolicy.load(model, "state", "action")) {
      AgentTensor obs = AgentTensor.float64(new int[] {4}, 1, 2, 3, 4);

      assertLinear(List.of(obs), policy.run(List.of(obs)));
    }
  }

  @Test
  void bytesThatAreNotAModelAreAnInvalidModel() throws IOException {
    Path model = write("junk.onnx", "definitely not protobuf \u0000\u00ff".getBytes());

    assertThatThrownBy(() -> OnnxPolicy.load(model, "state", "action"))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.ONNX_MODEL_INVALID);
          assertThat(e.getMessage()).contains("junk.onnx");
        });
  }

  @Test
  void aModelWithAnOperatorThatDoesNotExistIsAnInvalidModel() throws IOException {
    Path model = write("op.onnx", OnnxModelWriter.graph()
        .input("state", OnnxModelWriter.FLOAT, "batch", 4L)
        .node("NoSuchOperator", List.of("state"), List.of("action"), Map.of())
        .output("action", OnnxModelWriter.FLOAT, "batch", 4L)
        .toBytes());

    assertThatThrownBy(() -> OnnxPolicy.load(model, "state", "action"))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ONNX_MODEL_INVALID));
  }

  @Test
  void inputAndOutputNamesThatTheModelLacksAreNamedWithTheModelsOwn() throws IOException {
    Path model = write("p.onnx", OnnxModelWriter.linearPolicy("obs", "logits", W, B, OnnxModelWriter.Batch.DYNAMIC));

    assertThatThrownBy(() -> OnnxPolicy.load(model, "state", "logits"))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e)
            .hasMessage("The model has no input named 'state' (its inputs: [obs]); set \"input\" in kinitro-agent.json "
                + "to one of them")
            .extracting(KinitroException::code).isEqualTo(ErrorCode.ONNX_MODEL_SIGNATURE_MISMATCH));
    assertThatThrownBy(() -> OnnxPolicy.load(model, "obs", "action"))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e)
            .hasMessage("The model has no output named 'action' (its outputs: [logits]); set \"output\" in "
                + "kinitro-agent.json to one of them")
            .extracting(KinitroException::code).isEqualTo(ErrorCode.ONNX_MODEL_SIGNATURE_MISMATCH));
  }

  @Test
  void inputsAndOutputsOtherThanFloat32AreRefused() throws IOException {
    Path intInput = write("int.onnx", OnnxModelWriter.graph()
        .input("state", OnnxModelWriter.INT64, "batch", 4L)
        .node("Identity", List.of("state"), List.of("action"), Map.of())
        .output("action", OnnxModelWriter.INT64, "batch", 4L)
        .toBytes());
    Path doubleOutput = write("double.onnx", OnnxModelWriter.graph()
        .input("state", OnnxModelWriter.FLOAT, "batch", 4L)
        .node("Cast", List.of("state"), List.of("action"), Map.of("to", (long) OnnxModelWriter.DOUBLE))
        .output("action", OnnxModelWriter.DOUBLE, "batch", 4L)
        .toBytes());

    assertThatThrownBy(() -> OnnxPolicy.load(intInput, "state", "action"))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.ONNX_MODEL_SIGNATURE_MISMATCH);
          assertThat(e.getMessage()).startsWith("The model's input 'state' is ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64");
        });
    assertThatThrownBy(() -> OnnxPolicy.load(doubleOutput, "state", "action"))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.ONNX_MODEL_SIGNATURE_MISMATCH);
          assertThat(e.getMessage()).startsWith("The model's output 'action' is ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE");
        });
  }

  @Test
  void aModelThatNeedsASecondInputIsRefused() throws IOException {
    Path model = write("two.onnx", OnnxModelWriter.graph()
        .input("state", OnnxModelWriter.FLOAT, "batch", 4L)
        .input("hidden", OnnxModelWriter.FLOAT, "batch", 4L)
        .node("Add", List.of("state", "hidden"), List.of("action"), Map.of())
        .output("action", OnnxModelWriter.FLOAT, "batch", 4L)
        .toBytes());

    assertThatThrownBy(() -> OnnxPolicy.load(model, "state", "action"))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e)
            .hasMessageStartingWith("The model needs inputs [hidden] besides 'state'")
            .extracting(KinitroException::code).isEqualTo(ErrorCode.ONNX_MODEL_SIGNATURE_MISMATCH));
  }

  @Test
  void anObservationOfTheWrongSizeIsAnObservationMismatch() throws IOException {
    Path model = write("p.onnx", OnnxModelWriter.linearPolicy("state", "action", W, B, OnnxModelWriter.Batch.DYNAMIC));
    try (OnnxPolicy policy = OnnxPolicy.load(model, "state", "action")) {
      assertThatThrownBy(() -> policy.run(List.of(AgentTensor.vector(1, 2, 3))))
          .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e)
              .hasMessage("The model's input 'state' has shape [-1, 4] (-1: any size), but the observation has shape [3]; "
                  + "export the model for this environment's observation, optionally with a leading batch dimension")
              .extracting(KinitroException::code).isEqualTo(ErrorCode.ONNX_OBSERVATION_MISMATCH));
    }
  }

  @Test
  void aMissingModelFileIsAnInvalidModel() {
    assertThatThrownBy(() -> OnnxPolicy.load(tmp.resolve("none.onnx"), "state", "action"))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ONNX_MODEL_INVALID));
  }
}
