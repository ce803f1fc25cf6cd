package ai.kinitro.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.EventType;
import ai.kinitro.common.protocol.realtime.RealtimeMessage;
import ai.kinitro.common.protocol.realtime.RealtimeMessageType;
import ai.kinitro.common.protocol.validator.DurableMessage;
import ai.kinitro.common.protocol.validator.ValidatorMessage;
import ai.kinitro.common.protocol.validator.ValidatorMessageType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A record added to a sealed interface without a registry entry fails here. */
class ProtocolRegistryTest {
  private static final String SNAKE_CASE = "[a-z]+(_[a-z]+)*";

  @Test
  void theValidatorRegistryNamesEveryPermittedMessageRecordExactlyOnce() {
    assertThat(Arrays.stream(ValidatorMessageType.values()).<Class<?>>map(ValidatorMessageType::recordType).toList())
        .containsExactlyInAnyOrder(ValidatorMessage.class.getPermittedSubclasses())
        .doesNotHaveDuplicates();
  }

  @Test
  void theRealtimeRegistryNamesEveryPermittedMessageRecordExactlyOnce() {
    assertThat(Arrays.stream(RealtimeMessageType.values()).<Class<?>>map(RealtimeMessageType::recordType).toList())
        .containsExactlyInAnyOrder(RealtimeMessage.class.getPermittedSubclasses())
        .doesNotHaveDuplicates();
  }

  @Test
  void theEventRegistryNamesEveryPermittedPayloadRecordExactlyOnce() {
    assertThat(Arrays.stream(EventType.values()).<Class<?>>map(EventType::payloadType).toList())
        .containsExactlyInAnyOrder(EventPayload.class.getPermittedSubclasses())
        .doesNotHaveDuplicates();
  }

  @Test
  void everyWireNameIsUniqueSnakeCase() {
    List<String> validator = Arrays.stream(ValidatorMessageType.values()).map(ValidatorMessageType::wireName).toList();
    List<String> realtime = Arrays.stream(RealtimeMessageType.values()).map(RealtimeMessageType::wireName).toList();
    List<String> events = Arrays.stream(EventType.values()).map(EventType::wireName).toList();

    Stream.of(validator, realtime, events)
        .forEach(names -> assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches(SNAKE_CASE)));
  }

  @Test
  void everyDurableMessageIsAValidatorMessage() {
    assertThat(DurableMessage.class.getPermittedSubclasses())
        .allMatch(ValidatorMessage.class::isAssignableFrom);
  }
}
