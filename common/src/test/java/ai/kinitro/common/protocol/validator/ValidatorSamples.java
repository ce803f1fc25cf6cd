package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.protocol.ErrorDetail;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.common.protocol.ObservationRef;
import ai.kinitro.common.protocol.ProtocolVersion;
import ai.kinitro.common.protocol.StepRecord;
import ai.kinitro.common.protocol.WeightEntry;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One realistic instance of every validator-channel message. These are the examples of
 * docs/protocol.md (the files in protocol-examples/validator are their encodings).
 */
final class ValidatorSamples {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String VALIDATOR = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  static final String MINER = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
  static final String OWNER = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
  static final UUID JOB_MESSAGE = UUID.fromString("0b6f2c1e-8d3a-4f5b-9c7e-1a2b3c4d5e6f");
  static final UUID WEIGHTS_MESSAGE = UUID.fromString("5a1c9e77-2b4d-4e8f-a0b1-c2d3e4f5a6b7");
  static final UUID RESULT_MESSAGE = UUID.fromString("7d2e4f60-1a3b-4c5d-8e9f-0a1b2c3d4e5f");
  static final long JOB_ID = 7312849021437952001L;
  static final long SUBMISSION_ID = 7312848011234567890L;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ValidatorSamples() {}

  static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  /** The sample of one message type; the switch has no default so a new type must get one. */
  static ValidatorMessage of(ValidatorMessageType type) {
    return switch (type) {
      case AUTH_CHALLENGE ->
          new AuthChallenge(ProtocolVersion.CURRENT, "q7Xk2R9vLm3Tn8Wp4Yz1Bc6D", T0, T0.plusSeconds(30));
      case REGISTER ->
          new Register(
              ProtocolVersion.CURRENT,
              VALIDATOR,
              "kin_live_3n9Xq2vL8mR4tW7yB1cD6fG0hJ5kP",
              "q7Xk2R9vLm3Tn8Wp4Yz1Bc6D",
              T0.plusSeconds(1),
              "0x" + "8e".repeat(32) + "4a".repeat(32));
      case REGISTRATION_ACK -> new RegistrationAck("c-4f1d9a7b2e6c", 30, T0.plusSeconds(1));
      case HEARTBEAT -> new Heartbeat(T0.plusSeconds(31), 2, 1);
      case HEARTBEAT_ACK -> new HeartbeatAck(T0.plusSeconds(31), T0.plusSeconds(31).plusMillis(12));
      case EVAL_JOB ->
          new EvalJob(
              JOB_MESSAGE,
              JOB_ID,
              SUBMISSION_ID,
              "3f9c0a6e5b2d4c1e8f7a6b5c4d3e2f1a",
              MINER,
              new BenchmarkSpec(
                  "manipulation",
                  "MT10",
                  json("{\"render_mode\":\"rgb_array\",\"camera_attribute\":\"camera_name\"}"),
                  List.of("corner", "corner2"),
                  2,
                  200,
                  List.of(
                      new TaskSpec("manipulation/reach-v1:0", "manipulation/reach-v1", 1001L),
                      new TaskSpec("manipulation/push-v1:0", "manipulation/push-v1", 1002L))),
              new Artifact(
                  URI.create("https://vault.example.com/submissions/7312848011234567890/v1.tar.gz?X-Amz-Signature=abc123"),
                  T0.plusSeconds(21_600),
                  "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                  48_213_504L),
              T0.plusSeconds(7_200),
              T0);
      case SET_WEIGHTS ->
          new SetWeights(
              WEIGHTS_MESSAGE,
              "w-20260301T1200",
              26,
              T0,
              T0.plusSeconds(1_200),
              List.of(new WeightEntry(4, OWNER, 0.98), new WeightEntry(17, MINER, 0.02)));
      case DELIVERY_ACK -> new DeliveryAck(JOB_MESSAGE, AckOutcome.STORED, Optional.empty());
      case JOB_STATUS_UPDATE ->
          new JobStatusUpdate(
              UUID.fromString("c3d4e5f6-a7b8-4c9d-8e0f-112233445566"),
              JOB_ID,
              EvaluationStatus.RUNNING,
              Optional.of("Evaluator started processing the job"),
              T0.plusSeconds(45));
      case EVAL_RESULT ->
          new EvalResult(
              RESULT_MESSAGE,
              JOB_ID,
              EvaluationStatus.COMPLETED,
              Optional.of(new Metrics(412.5, 0.75, 412.5, 4)),
              List.of(
                  new TaskResult("manipulation/reach-v1:0", 2, 2, 0, 610.25, 87.0),
                  new TaskResult("manipulation/push-v1:0", 2, 1, 0, 214.75, 143.5)),
              Optional.empty(),
              new Timings(T0.plusSeconds(2), Optional.of(T0.plusSeconds(45)), T0.plusSeconds(640)));
      case EPISODE_DATA ->
          new EpisodeData(
              UUID.fromString("e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a8b9"),
              JOB_ID,
              "manipulation/reach-v1:0",
              0,
              true,
              598.5,
              87,
              T0.plusSeconds(50),
              T0.plusSeconds(71),
              json("{\"duration_seconds\":21.4}"));
      case EPISODE_STEP_DATA ->
          new EpisodeStepData(
              UUID.fromString("f6a7b8c9-d0e1-4f2a-b3c4-d5e6f7a8b9c0"),
              JOB_ID,
              "manipulation/reach-v1:0",
              0,
              List.of(
                  new StepRecord(
                      0,
                      json("[0.1,-0.4,0.25,1.0]"),
                      1.25,
                      false,
                      false,
                      List.of(
                          new ObservationRef(
                              "corner",
                              "validator-observations",
                              "observations/7312848011234567890/manipulation/reach-v1:0/episode_0000/step_000000_corner.png",
                              Optional.empty())),
                      json("{}"),
                      T0.plusSeconds(50)),
                  new StepRecord(
                      5,
                      json("[0.0,0.2,-0.1,-1.0]"),
                      2.5,
                      true,
                      false,
                      List.of(),
                      json("{\"success\":true}"),
                      T0.plusSeconds(51))));
      case RESULT_ACK ->
          new ResultAck(
              RESULT_MESSAGE,
              AckOutcome.REJECTED,
              Optional.of(ErrorDetail.of(ErrorCode.JOB_NOT_ASSIGNED, "job 7312849021437952001 was not assigned to this validator")));
      case ERROR ->
          ValidatorError.of(
              ErrorCode.MALFORMED_MESSAGE,
              "in 'benchmark': field 'episodes_per_task' must be between 1 and 10000",
              Optional.of(JOB_MESSAGE.toString()));
    };
  }
}
