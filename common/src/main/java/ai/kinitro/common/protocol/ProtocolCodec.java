package ai.kinitro.common.protocol;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.DecodeResult.Decoded;
import ai.kinitro.common.protocol.DecodeResult.Rejected;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON codec of one channel. {@link #encode} writes a message as one JSON object whose first field
 * is {@code type}; {@link #decode} turns a text frame into a {@link DecodeResult} and never throws.
 *
 * <p>Rules (see docs/protocol.md): field names are snake_case; instants are ISO-8601 UTC strings;
 * absent optional fields are omitted; unknown fields are ignored; duplicate keys, trailing content,
 * fractional values for integer fields and nesting deeper than {@value #MAX_NESTING_DEPTH} are
 * refused. Instances are immutable and thread-safe.
 *
 * @param <M> the channel's sealed message interface
 */
public final class ProtocolCodec<M> {
  /** Default maximum frame size, in UTF-8 bytes. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;
  /** Maximum nesting of arrays and objects in a frame. */
  public static final int MAX_NESTING_DEPTH = 64;

  /** Start of the reason when an unexpected exception was caught (a codec bug, never input). */
  static final String UNCLASSIFIED_FAILURE = "the frame could not be decoded: ";

  private static final int MAX_REASON_LENGTH = 300;
  private static final JsonMapper MAPPER = newMapper();

  private final Class<M> messageType;
  private final Map<String, MessageKind<M>> byWireName;
  private final Map<Class<?>, MessageKind<M>> byRecordType;
  private final String correlationField;
  private final Optional<Peer> receiver;
  private final int maxFrameBytes;

  private ProtocolCodec(
      Class<M> messageType, List<? extends MessageKind<M>> kinds, Optional<Peer> receiver, int maxFrameBytes) {
    this.messageType = messageType;
    this.receiver = receiver;
    this.maxFrameBytes = maxFrameBytes;
    Map<String, MessageKind<M>> names = new HashMap<>();
    Map<Class<?>, MessageKind<M>> types = new HashMap<>();
    for (MessageKind<M> kind : kinds) {
      if (names.put(kind.wireName(), kind) != null || types.put(kind.recordType(), kind) != null) {
        throw new IllegalArgumentException("message kind registered twice: " + kind.wireName());
      }
    }
    this.byWireName = Map.copyOf(names);
    this.byRecordType = Map.copyOf(types);
    this.correlationField = kinds.getFirst().correlationField();
  }

  /**
   * Starts a codec for the channel whose messages are the constants of {@code kinds}.
   *
   * @param messageType the channel's sealed message interface
   */
  public static <M, K extends Enum<K> & MessageKind<M>> Builder<M> builder(
      Class<M> messageType, Class<K> kinds) {
    return new Builder<>(messageType, List.of(kinds.getEnumConstants()));
  }

  /** The registry entry of a message. */
  public MessageKind<M> kindOf(M message) {
    MessageKind<M> kind = byRecordType.get(message.getClass());
    if (kind == null) {
      throw new KinitroException(
          ErrorCode.ENCODING_FAILED,
          message.getClass().getName() + " is not registered in the message registry of " + messageType.getSimpleName());
    }
    return kind;
  }

  /** The message as one compact JSON object. */
  public String encode(M message) {
    return MAPPER.writeValueAsString(toTree(message));
  }

  /** The message as indented JSON (for documentation and logs). */
  public String encodePretty(M message) {
    Separators separators =
        Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER);
    return MAPPER
        .writerWithDefaultPrettyPrinter()
        .with(new DefaultPrettyPrinter().withSeparators(separators))
        .writeValueAsString(toTree(message));
  }

  private ObjectNode toTree(M message) {
    Objects.requireNonNull(message, "message");
    MessageKind<M> kind = kindOf(message);
    try {
      ObjectNode out = MAPPER.createObjectNode();
      out.put("type", kind.wireName());
      out.setAll((ObjectNode) MAPPER.valueToTree(message));
      return out;
    } catch (JacksonException | ClassCastException e) {
      throw new KinitroException(
          ErrorCode.ENCODING_FAILED, "could not encode '" + kind.wireName() + "': " + e.getMessage(), e);
    }
  }

  /** Decodes one text frame; never throws. */
  public DecodeResult<M> decode(String frame) {
    try {
      return decodeFrame(frame);
    } catch (RuntimeException | StackOverflowError e) {
      // Defensive: decodeFrame already maps every failure we know of.
      return rejected(ErrorCode.MALFORMED_MESSAGE, UNCLASSIFIED_FAILURE + e.getClass().getSimpleName(), Optional.empty());
    }
  }

  private DecodeResult<M> decodeFrame(String frame) {
    if (frame == null || frame.isEmpty()) {
      return rejected(ErrorCode.MALFORMED_MESSAGE, "the frame is empty", Optional.empty());
    }
    long size = utf8Length(frame);
    if (size > maxFrameBytes) {
      return rejected(
          ErrorCode.MESSAGE_TOO_LARGE,
          "the frame has " + size + " bytes; the maximum is " + maxFrameBytes,
          Optional.empty());
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(frame);
    } catch (JacksonException e) {
      return rejected(ErrorCode.MALFORMED_MESSAGE, "the frame is not valid JSON: " + e.getOriginalMessage(), Optional.empty());
    }
    if (root == null || !root.isObject()) {
      return rejected(ErrorCode.MALFORMED_MESSAGE, "a frame must be a JSON object", Optional.empty());
    }
    Optional<String> correlationId = correlationId(root);
    JsonNode typeNode = root.get("type");
    if (typeNode == null || !typeNode.isString()) {
      return rejected(ErrorCode.MALFORMED_MESSAGE, "field 'type' is required and must be a string", correlationId);
    }
    MessageKind<M> kind = byWireName.get(typeNode.stringValue());
    if (kind == null) {
      return rejected(
          ErrorCode.UNKNOWN_MESSAGE_TYPE,
          "unknown message type '" + typeNode.stringValue() + "' on this channel",
          correlationId);
    }
    if (receiver.isPresent() && !kind.senders().contains(receiver.get().other())) {
      return rejected(
          ErrorCode.UNEXPECTED_MESSAGE,
          "'" + kind.wireName() + "' is never sent by the " + receiver.get().other().name().toLowerCase(),
          correlationId);
    }
    JsonNode version = root.get("protocol_version");
    if (version != null
        && version.isIntegralNumber()
        && !(version.canConvertToInt() && ProtocolVersion.isSupported(version.intValue()))) {
      return rejected(
          ErrorCode.UNSUPPORTED_PROTOCOL_VERSION,
          "protocol_version " + version + " is not supported; this peer speaks version " + ProtocolVersion.CURRENT,
          correlationId);
    }
    try {
      return new Decoded<>(messageType.cast(MAPPER.treeToValue(root, kind.recordType())));
    } catch (JacksonException e) {
      return fromBindingFailure(e, correlationId);
    } catch (KinitroException e) {
      return fromValidationFailure(e, "", correlationId);
    }
  }

  private DecodeResult<M> fromBindingFailure(JacksonException e, Optional<String> correlationId) {
    String path = pathOf(e);
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof KinitroException validation) {
        return fromValidationFailure(validation, path, correlationId);
      }
    }
    String where = path.isEmpty() ? "" : "field '" + path + "': ";
    return rejected(ErrorCode.MALFORMED_MESSAGE, where + e.getOriginalMessage(), correlationId);
  }

  private DecodeResult<M> fromValidationFailure(KinitroException e, String path, Optional<String> correlationId) {
    ErrorCode code = e.code() == ErrorCode.INVALID_ARGUMENT ? ErrorCode.MALFORMED_MESSAGE : e.code();
    String where = path.isEmpty() ? "" : "in '" + path + "': ";
    return rejected(code, where + e.getMessage(), correlationId);
  }

  /** JSON path of a binding failure, e.g. {@code steps[2].reward}. */
  private static String pathOf(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private Optional<String> correlationId(JsonNode root) {
    JsonNode id = root.get(correlationField);
    if (id != null && id.isString() && !id.stringValue().isEmpty() && id.stringValue().length() <= Fields.MAX_ID_LENGTH) {
      return Optional.of(id.stringValue());
    }
    return Optional.empty();
  }

  private DecodeResult<M> rejected(ErrorCode code, String reason, Optional<String> correlationId) {
    String shortReason = reason == null ? code.summary() : reason;
    if (shortReason.length() > MAX_REASON_LENGTH) {
      shortReason = shortReason.substring(0, MAX_REASON_LENGTH) + "...";
    }
    return new Rejected<>(code, shortReason, correlationId);
  }

  /** UTF-8 length of the frame, counted without allocating. */
  private static long utf8Length(String s) {
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static JsonMapper newMapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    return JsonMapper.builder(factory)
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_ABSENT))
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  /** Options of a codec. */
  public static final class Builder<M> {
    private final Class<M> messageType;
    private final List<? extends MessageKind<M>> kinds;
    private Optional<Peer> receiver = Optional.empty();
    private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;

    private Builder(Class<M> messageType, List<? extends MessageKind<M>> kinds) {
      this.messageType = Objects.requireNonNull(messageType, "messageType");
      this.kinds = kinds;
    }

    /**
     * Makes the codec refuse, with UNEXPECTED_MESSAGE, frames that {@code self} never receives
     * (for example a {@code register} arriving at a validator). Without it every type is accepted.
     */
    public Builder<M> receivingAs(Peer self) {
      this.receiver = Optional.of(self);
      return this;
    }

    /** Frames larger than this many UTF-8 bytes are refused with MESSAGE_TOO_LARGE. */
    public Builder<M> maxFrameBytes(int maxFrameBytes) {
      if (maxFrameBytes < 64) {
        throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "maxFrameBytes must be at least 64, was " + maxFrameBytes);
      }
      this.maxFrameBytes = maxFrameBytes;
      return this;
    }

    public ProtocolCodec<M> build() {
      return new ProtocolCodec<>(messageType, kinds, receiver, maxFrameBytes);
    }
  }
}
