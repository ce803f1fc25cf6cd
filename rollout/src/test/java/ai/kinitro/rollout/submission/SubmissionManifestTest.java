package ai.kinitro.rollout.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionManifestTest {

  private static void assertRefused(String json, ErrorCode code, String message) {
    assertThatThrownBy(() -> SubmissionManifest.parse(json))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageContaining(message);
  }

  @Test
  void readsACommandManifest() {
    assertThat(SubmissionManifest.parse("{\"kind\":\"command\",\"command\":[\"python3\",\"agent.py\",\"--fast\"]}"))
        .isEqualTo(new SubmissionManifest.Command(List.of("python3", "agent.py", "--fast")));
  }

  @Test
  void readsAnOnnxManifestWithDefaultTensorNames() {
    assertThat(SubmissionManifest.parse("{\"kind\":\"onnx\",\"model\":\"models/policy.onnx\"}"))
        .isEqualTo(new SubmissionManifest.Onnx("models/policy.onnx", "state", "action"));
  }

  @Test
  void refusesUnknownKeys() {
    assertRefused("{\"kind\":\"command\",\"command\":[\"a\"],\"comand\":[]}", ErrorCode.SUBMISSION_MANIFEST_INVALID,
        "Unknown key \"comand\"");
  }

  @Test
  void refusesUnknownKinds() {
    assertRefused("{\"kind\":\"docker\",\"image\":\"x\"}", ErrorCode.SUBMISSION_KIND_UNSUPPORTED, "'docker'");
  }

  @Test
  void refusesACommandThatIsNotAnArrayOfStrings() {
    assertRefused("{\"kind\":\"command\",\"command\":\"python3 agent.py\"}", ErrorCode.SUBMISSION_MANIFEST_INVALID,
        "array of strings");
    assertRefused("{\"kind\":\"command\",\"command\":[\"python3\", 3]}", ErrorCode.SUBMISSION_MANIFEST_INVALID,
        "array of strings");
    assertRefused("{\"kind\":\"command\",\"command\":[]}", ErrorCode.SUBMISSION_MANIFEST_INVALID, "must name a program");
  }

  @Test
  void refusesAnOnnxModelOutsideTheSubmission() {
    assertRefused("{\"kind\":\"onnx\",\"model\":\"../policy.onnx\"}", ErrorCode.SUBMISSION_MANIFEST_INVALID, "relative path");
    assertRefused("{\"kind\":\"onnx\",\"model\":\"/policy.onnx\"}", ErrorCode.SUBMISSION_MANIFEST_INVALID, "relative path");
  }

  @Test
  void refusesInvalidJson() {
    assertRefused("{kind: command", ErrorCode.SUBMISSION_MANIFEST_INVALID, "not valid JSON");
    assertRefused("[1]", ErrorCode.SUBMISSION_MANIFEST_INVALID, "JSON object");
  }
}
