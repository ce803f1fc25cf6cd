package ai.kinitro.common.protocol.validator;

/**
 * A message on the validator channel. Dispatch with an exhaustive {@code switch} (no {@code
 * default}) so a new message type breaks the build wherever it is not handled.
 */
public sealed interface ValidatorMessage
    permits AuthChallenge,
        Register,
        RegistrationAck,
        Heartbeat,
        HeartbeatAck,
        EvalJob,
        SetWeights,
        DeliveryAck,
        JobStatusUpdate,
        EvalResult,
        EpisodeData,
        EpisodeStepData,
        ResultAck,
        ValidatorError {

  /** The registry entry of this message (its {@code type} and direction). */
  default ValidatorMessageType type() {
    return ValidatorMessageType.of(this);
  }
}
