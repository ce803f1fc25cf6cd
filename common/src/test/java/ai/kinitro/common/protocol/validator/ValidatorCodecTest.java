package ai.kinitro.common.protocol.validator;

import static ai.kinitro.common.protocol.validator.ValidatorSamples.JOB_MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.DecodeResult.Decoded;
import ai.kinitro.common.protocol.DecodeResult.Rejected;
import ai.kinitro.common.protocol.ErrorDetail;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.ExampleFiles;
import ai.kinitro.common.protocol.ProtocolCodec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ValidatorCodecTest {
  private final ProtocolCodec<ValidatorMessage> codec = ValidatorProtocol.codecBuilder().build();

  private static ObjectNode example(String type) {
    return (ObjectNode) JsonMapper.shared().readTree(ExampleFiles.read("validator/" + type));
  }

  private static Rejected<ValidatorMessage> rejected(DecodeResult<ValidatorMessage> result) {
    assertThat(result).isInstanceOf(Rejected.class);
    return (Rejected<ValidatorMessage>) result;
  }

  @Test
  void anUnknownTypeIsRejectedAsUnknownMessageTypeEchoingTheMessageId() {
    ObjectNode frame = example("eval_job").put("type", "eval_jobs");

    Rejected<ValidatorMessage> r = rejected(codec.decode(frame.toString()));

    assertThat(r.code()).isEqualTo(ErrorCode.UNKNOWN_MESSAGE_TYPE);
    assertThat(r.reason()).contains("'eval_jobs'");
    assertThat(r.messageId()).contains(JOB_MESSAGE.toString());
  }

  @Test
  void aFrameLargerThanTheLimitIsRejectedAsMessageTooLargeBeforeParsing() {
    ProtocolCodec<ValidatorMessage> small = ValidatorProtocol.codecBuilder().maxFrameBytes(1024).build();
    String frame = "{\"type\":\"heartbeat\",\"pad\":\"" + "x".repeat(1100) + "\"}";

    assertThat(small.decode(frame))
        .isEqualTo(new Rejected<>(ErrorCode.MESSAGE_TOO_LARGE, "the frame has 1129 bytes; the maximum is 1024", Optional.empty()));
  }

  @Test
  void theFrameLimitCountsUtf8BytesNotCharacters() {
    ProtocolCodec<ValidatorMessage> small = ValidatorProtocol.codecBuilder().maxFrameBytes(1024).build();
    // 400 three-byte characters: 400 chars, 1200 bytes.
    String frame = "{\"type\":\"heartbeat\",\"pad\":\"" + "\u20ac".repeat(400) + "\"}";

    assertThat(rejected(small.decode(frame)).code()).isEqualTo(ErrorCode.MESSAGE_TOO_LARGE);
  }

  @Test
  void aFrameAtTheDefaultLimitIsStillParsed() {
    String heartbeat = example("heartbeat").toString();
    String frame = heartbeat.substring(0, heartbeat.length() - 1) + ",\"pad\":\"" + "x".repeat(ProtocolCodec.DEFAULT_MAX_FRAME_BYTES - heartbeat.length() - 9) + "\"}";

    assertThat(frame.length()).isEqualTo(ProtocolCodec.DEFAULT_MAX_FRAME_BYTES);
    assertThat(codec.decode(frame)).isEqualTo(new Decoded<>(ValidatorSamples.of(ValidatorMessageType.HEARTBEAT)));
  }

  @Test
  void textThatIsNotJsonIsMalformed() {
    assertThat(rejected(codec.decode("{\"type\": \"heartbeat\", ")).code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
    assertThat(rejected(codec.decode("")).code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
    assertThat(rejected(codec.decode(null)).code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
  }

  @Test
  void jsonThatIsNotAnObjectIsMalformed() {
    assertThat(rejected(codec.decode("[{\"type\":\"heartbeat\"}]")).reason()).isEqualTo("a frame must be a JSON object");
    assertThat(rejected(codec.decode("42")).code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
  }

  @Test
  void aMissingOrNonTextTypeIsMalformed() {
    ObjectNode frame = example("heartbeat");
    frame.remove("type");
    assertThat(rejected(codec.decode(frame.toString())).reason()).isEqualTo("field 'type' is required and must be a string");
    assertThat(rejected(codec.decode(frame.put("type", 3).toString())).code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
  }

  @Test
  void aMissingNestedObjectIsMalformedAndNamesTheField() {
    ObjectNode frame = example("eval_job");
    frame.remove("artifact");

    Rejected<ValidatorMessage> r = rejected(codec.decode(frame.toString()));

    assertThat(r.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
    assertThat(r.reason()).contains("field 'artifact' is required");
    assertThat(r.messageId()).contains(JOB_MESSAGE.toString());
  }

  @Test
  void aMissingNumberIsMalformedAndNamesTheFieldInsteadOfDefaultingToZero() {
    ObjectNode frame = example("heartbeat");
    frame.remove("queue_depth");

    Rejected<ValidatorMessage> r = rejected(codec.decode(frame.toString()));

    assertThat(r.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
    assertThat(r.reason()).contains("queue_depth");
  }

  @Test
  void anOutOfRangeNestedValueIsMalformedAndNamesItsPath() {
    ObjectNode frame = example("eval_result");
    ((ObjectNode) frame.get("metrics")).put("success_rate", 1.5);

    Rejected<ValidatorMessage> r = rejected(codec.decode(frame.toString()));

    assertThat(r)
        .isEqualTo(
            new Rejected<>(
                ErrorCode.MALFORMED_MESSAGE,
                "in 'metrics': field 'success_rate' must be between 0 and 1",
                Optional.of(ValidatorSamples.RESULT_MESSAGE.toString())));
  }

  @Test
  void aFractionalValueForAnIntegerFieldIsMalformedNotTruncated() {
    ObjectNode frame = example("heartbeat").put("queue_depth", 2.5);

    assertThat(rejected(codec.decode(frame.toString())).reason()).contains("queue_depth");
  }

  @Test
  void anIdTooLargeForSixtyFourBitsIsMalformed() {
    ObjectNode frame = example("eval_job").put("job_id", "98765432109876543210");

    assertThat(rejected(codec.decode(frame.toString())).reason()).contains("job_id");
  }

  @Test
  void aJobIdSentAsAJsonNumberIsStillAccepted() {
    ObjectNode frame = example("eval_job").put("job_id", ValidatorSamples.JOB_ID);

    assertThat(codec.decode(frame.toString())).isEqualTo(new Decoded<>(ValidatorSamples.of(ValidatorMessageType.EVAL_JOB)));
  }

  @Test
  void unknownExtraFieldsAreIgnoredForForwardCompatibility() {
    ObjectNode frame = example("eval_job").put("priority", 5);
    ((ObjectNode) frame.get("artifact")).put("content_encoding", "gzip");

    assertThat(codec.decode(frame.toString())).isEqualTo(new Decoded<>(ValidatorSamples.of(ValidatorMessageType.EVAL_JOB)));
  }

  @Test
  void duplicateKeysAndTrailingContentAreMalformed() {
    String heartbeat = example("heartbeat").toString();

    assertThat(rejected(codec.decode(heartbeat.replace("{", "{\"queue_depth\":9,"))).code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
    assertThat(rejected(codec.decode(heartbeat + "{}")).code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
  }

  @Test
  void anUnknownMajorProtocolVersionIsRejectedAsUnsupportedEvenIfTheRestDiffers() {
    ObjectNode frame = example("register").put("protocol_version", 2);
    frame.remove("signature");

    Rejected<ValidatorMessage> r = rejected(codec.decode(frame.toString()));

    assertThat(r.code()).isEqualTo(ErrorCode.UNSUPPORTED_PROTOCOL_VERSION);
    assertThat(r.reason()).isEqualTo("protocol_version 2 is not supported; this peer speaks version 1");
  }

  @Test
  void aProtocolVersionBeyondSixtyFourBitsIsUnsupportedNotACrash() {
    String frame = example("register").toString().replace("\"protocol_version\":1", "\"protocol_version\":123456789012345678901234567890");

    assertThat(rejected(codec.decode(frame)).code()).isEqualTo(ErrorCode.UNSUPPORTED_PROTOCOL_VERSION);
  }

  @Test
  void theBackendCodecRefusesMessagesOnlyTheBackendSends() {
    String evalJob = codec.encode(ValidatorSamples.of(ValidatorMessageType.EVAL_JOB));

    assertThat(rejected(ValidatorProtocol.backendCodec().decode(evalJob)).code()).isEqualTo(ErrorCode.UNEXPECTED_MESSAGE);
    assertThat(ValidatorProtocol.validatorCodec().decode(evalJob)).isInstanceOf(Decoded.class);
  }

  @Test
  void bothPeersAcceptAnErrorFrame() {
    String error = codec.encode(ValidatorSamples.of(ValidatorMessageType.ERROR));

    assertThat(ValidatorProtocol.backendCodec().decode(error)).isInstanceOf(Decoded.class);
    assertThat(ValidatorProtocol.validatorCodec().decode(error)).isInstanceOf(Decoded.class);
  }

  @Test
  void aCompletedResultWithoutMetricsIsMalformed() {
    ObjectNode frame = example("eval_result");
    frame.remove("metrics");

    assertThat(rejected(codec.decode(frame.toString())).reason()).isEqualTo("field 'metrics' is required when 'status' is COMPLETED");
  }

  @Test
  void aFailedResultMustSayWhy() {
    ObjectNode frame = example("eval_result").put("status", "FAILED");
    frame.remove("metrics");

    assertThat(rejected(codec.decode(frame.toString())).reason()).isEqualTo("field 'error' is required when 'status' is FAILED");
  }

  @Test
  void aTerminalStatusCannotBeSentAsAStatusUpdate() {
    ObjectNode frame = example("job_status_update").put("status", "COMPLETED");

    assertThat(rejected(codec.decode(frame.toString())).reason()).startsWith("field 'status' must be QUEUED, STARTING or RUNNING");
  }

  @Test
  void anUnknownEnumValueIsMalformed() {
    ObjectNode frame = example("delivery_ack").put("outcome", "maybe");

    assertThat(rejected(codec.decode(frame.toString())).reason()).contains("outcome");
  }

  @Test
  void stepsOfABatchMustBeInIncreasingOrder() {
    ObjectNode frame = example("episode_step_data");
    ((ObjectNode) frame.get("steps").get(1)).put("step", 0);

    assertThat(rejected(codec.decode(frame.toString())).reason()).isEqualTo("field 'steps[1].step' must be greater than the previous step");
  }

  @Test
  void anAckMustCarryAnErrorExactlyWhenItRejects() {
    assertThatThrownBy(() -> new ResultAck(JOB_MESSAGE, AckOutcome.REJECTED, Optional.empty()))
        .isInstanceOf(KinitroException.class)
        .hasMessage("field 'error' must be present exactly when 'outcome' is rejected");
    assertThatThrownBy(() -> new DeliveryAck(JOB_MESSAGE, AckOutcome.STORED, Optional.of(ErrorDetail.of(ErrorCode.CONFLICT, "x"))))
        .isInstanceOf(KinitroException.class);
  }

  @Test
  void weightsSummingToMoreThanOneAreRefused() {
    ObjectNode frame = example("set_weights");
    ((ObjectNode) frame.get("entries").get(1)).put("weight", 0.5);

    assertThat(rejected(codec.decode(frame.toString())).reason()).isEqualTo("field 'entries' weights sum to more than 1");
  }

  @Test
  void aRejectionBecomesAnErrorFrameThatRefersToTheRefusedMessage() {
    Rejected<ValidatorMessage> r = rejected(codec.decode(example("eval_job").put("type", "nope").toString()));

    ValidatorError error = ValidatorError.from(r);

    assertThat(error)
        .isEqualTo(new ValidatorError(1101, "UNKNOWN_MESSAGE_TYPE", "unknown message type 'nope' on this channel", Optional.of(JOB_MESSAGE.toString())));
    assertThat(codec.decode(codec.encode(error))).isEqualTo(new Decoded<>(error));
  }

  @Test
  void recordsCopyTheirListsSoLaterChangesToTheCallersListDoNotLeakIn() {
    List<TaskResult> tasks = new java.util.ArrayList<>(List.of(new TaskResult("t1", 1, 1, 0, 1.0, 1.0)));
    EvalResult result =
        new EvalResult(
            UUID.randomUUID(), 1, EvaluationStatus.COMPLETED, Optional.of(new ai.kinitro.common.protocol.Metrics(1, 1, 1, 1)), tasks, Optional.empty(),
            new Timings(Instant.EPOCH, Optional.empty(), Instant.EPOCH));

    tasks.clear();

    assertThat(result.tasks()).hasSize(1);
  }

  @Test
  void anEvalResultWithInlineLogsAndALogArtifactRoundTripsAndOmitsAbsentParts() {
    EvalResult sample = (EvalResult) ValidatorSamples.of(ValidatorMessageType.EVAL_RESULT);
    EvalResult withLogs = new EvalResult(sample.messageId(), sample.jobId(), sample.status(), sample.metrics(), sample.tasks(),
        sample.error(), sample.timings(), Optional.of(new ResultLogs(Optional.of("step 12: reward 0.5\nstep 13: reward 0.75"), true,
            Optional.of(new LogArtifact("validator-logs", "evaluation-logs/7/8.json", Instant.parse("2026-03-01T12:10:41Z"),
                Optional.empty())))));

    String frame = codec.encode(withLogs);

    assertThat(codec.decode(frame)).isEqualTo(new Decoded<>(withLogs));
    assertThat(JsonMapper.shared().readTree(frame).path("logs")).isEqualTo(JsonMapper.shared().readTree("""
        {"text": "step 12: reward 0.5\\nstep 13: reward 0.75", "truncated": true,
         "artifact": {"bucket": "validator-logs", "object_key": "evaluation-logs/7/8.json", "uploaded_at": "2026-03-01T12:10:41Z"}}"""));
    assertThat(JsonMapper.shared().readTree(codec.encode(sample)).has("logs")).as("absent logs are omitted").isFalse();
  }

  @Test
  void inlineLogsAboveTheirByteBoundOrLogsWithNothingInThemAreMalformed() {
    ObjectNode tooLong = example("eval_result");
    tooLong.putObject("logs").put("text", "\u20ac".repeat(ResultLogs.MAX_TEXT_BYTES / 3 + 1)).put("truncated", false);
    ObjectNode empty = example("eval_result");
    empty.putObject("logs").put("truncated", false);
    ObjectNode ftpUrl = example("eval_result");
    ftpUrl.putObject("logs").put("truncated", false).putObject("artifact").put("bucket", "b").put("object_key", "k")
        .put("uploaded_at", "2026-03-01T12:10:41Z").put("public_url", "ftp://logs.example.com/k");

    Rejected<ValidatorMessage> r1 = rejected(codec.decode(tooLong.toString()));
    Rejected<ValidatorMessage> r2 = rejected(codec.decode(empty.toString()));
    Rejected<ValidatorMessage> r3 = rejected(codec.decode(ftpUrl.toString()));

    assertThat(List.of(r1.code(), r2.code(), r3.code())).containsOnly(ErrorCode.MALFORMED_MESSAGE);
    assertThat(r1.reason()).contains("'logs.text'").contains("65536 UTF-8 bytes");
    assertThat(r2.reason()).contains("'logs'");
    assertThat(r3.reason()).contains("'logs.artifact.public_url'");
  }
}
