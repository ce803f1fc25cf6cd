package ai.kinitro.common.protocol.realtime;

import ai.kinitro.common.protocol.Fields;
import ai.kinitro.common.protocol.Peer;
import ai.kinitro.common.protocol.ProtocolCodec;

/** Codecs of the realtime channel. */
public final class RealtimeProtocol {
  /** WebSocket path of the channel. */
  public static final String PATH = "/ws/client";

  private RealtimeProtocol() {}

  /** Codec options for the realtime channel; accepts every message type unless restricted. */
  public static ProtocolCodec.Builder<RealtimeMessage> codecBuilder() {
    return ProtocolCodec.builder(RealtimeMessage.class, RealtimeMessageType.class);
  }

  /** The backend's codec: refuses messages only the server sends. */
  public static ProtocolCodec<RealtimeMessage> serverCodec() {
    return codecBuilder().receivingAs(Peer.SERVER).build();
  }

  /** A dashboard's codec: refuses messages only clients send. */
  public static ProtocolCodec<RealtimeMessage> clientCodec() {
    return codecBuilder().receivingAs(Peer.CLIENT).build();
  }

  static String requestId(String requestId) {
    return Fields.token(requestId, "request_id");
  }
}
