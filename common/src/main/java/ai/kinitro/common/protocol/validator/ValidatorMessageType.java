package ai.kinitro.common.protocol.validator;

import static ai.kinitro.common.protocol.Peer.CLIENT;
import static ai.kinitro.common.protocol.Peer.SERVER;

import ai.kinitro.common.protocol.MessageKind;
import ai.kinitro.common.protocol.Peer;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of validator-channel messages: one constant per message record. Adding a message
 * means adding its record to {@link ValidatorMessage}'s {@code permits}, a constant here, a section
 * and an example in docs/protocol.md, and a sample in the tests (see the lock-step checklist).
 */
public enum ValidatorMessageType implements MessageKind<ValidatorMessage> {
  AUTH_CHALLENGE("auth_challenge", AuthChallenge.class, SERVER),
  REGISTER("register", Register.class, CLIENT),
  REGISTRATION_ACK("registration_ack", RegistrationAck.class, SERVER),
  HEARTBEAT("heartbeat", Heartbeat.class, CLIENT),
  HEARTBEAT_ACK("heartbeat_ack", HeartbeatAck.class, SERVER),
  EVAL_JOB("eval_job", EvalJob.class, SERVER),
  SET_WEIGHTS("set_weights", SetWeights.class, SERVER),
  DELIVERY_ACK("delivery_ack", DeliveryAck.class, CLIENT),
  JOB_STATUS_UPDATE("job_status_update", JobStatusUpdate.class, CLIENT),
  EVAL_RESULT("eval_result", EvalResult.class, CLIENT),
  EPISODE_DATA("episode_data", EpisodeData.class, CLIENT),
  EPISODE_STEP_DATA("episode_step_data", EpisodeStepData.class, CLIENT),
  RESULT_ACK("result_ack", ResultAck.class, SERVER),
  ERROR("error", ValidatorError.class, SERVER, CLIENT);

  private static final Map<Class<?>, ValidatorMessageType> BY_RECORD =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.recordType, Function.identity()));

  private final String wireName;
  private final Class<? extends ValidatorMessage> recordType;
  private final Set<Peer> senders;

  ValidatorMessageType(String wireName, Class<? extends ValidatorMessage> recordType, Peer... senders) {
    this.wireName = wireName;
    this.recordType = recordType;
    this.senders = Set.of(senders);
  }

  /** The registry entry of a message; fails for a record missing from the registry. */
  public static ValidatorMessageType of(ValidatorMessage message) {
    ValidatorMessageType type = BY_RECORD.get(message.getClass());
    if (type == null) {
      throw new IllegalStateException(message.getClass().getName() + " is missing from ValidatorMessageType");
    }
    return type;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  @Override
  public Class<? extends ValidatorMessage> recordType() {
    return recordType;
  }

  @Override
  public Set<Peer> senders() {
    return senders;
  }

  @Override
  public String correlationField() {
    return "message_id";
  }
}
