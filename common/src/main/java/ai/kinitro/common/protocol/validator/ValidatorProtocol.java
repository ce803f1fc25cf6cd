package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.Peer;
import ai.kinitro.common.protocol.ProtocolCodec;

/** Codecs of the validator channel. */
public final class ValidatorProtocol {
  /** WebSocket path of the channel. */
  public static final String PATH = "/ws/validator";

  private ValidatorProtocol() {}

  /** Codec options for the validator channel; accepts every message type unless restricted. */
  public static ProtocolCodec.Builder<ValidatorMessage> codecBuilder() {
    return ProtocolCodec.builder(ValidatorMessage.class, ValidatorMessageType.class);
  }

  /** The backend's codec: refuses messages only the backend sends. */
  public static ProtocolCodec<ValidatorMessage> backendCodec() {
    return codecBuilder().receivingAs(Peer.SERVER).build();
  }

  /** A validator's codec: refuses messages only validators send. */
  public static ProtocolCodec<ValidatorMessage> validatorCodec() {
    return codecBuilder().receivingAs(Peer.CLIENT).build();
  }
}
