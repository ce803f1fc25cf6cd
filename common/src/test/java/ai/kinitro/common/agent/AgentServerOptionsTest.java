package ai.kinitro.common.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import org.junit.jupiter.api.Test;

class AgentServerOptionsTest {

  @Test
  void parsesHostAndPortAsSeparateArguments() {
    assertThat(AgentServer.Options.parse("--host", "0.0.0.0", "--port", "9001"))
        .isEqualTo(new AgentServer.Options("0.0.0.0", 9001));
  }

  @Test
  void parsesTheEqualsForm() {
    assertThat(AgentServer.Options.parse("--port=1234", "--host=::1")).isEqualTo(new AgentServer.Options("::1", 1234));
  }

  @Test
  void defaultsToLoopbackPort8000() {
    assertThat(AgentServer.Options.parse()).isEqualTo(new AgentServer.Options("127.0.0.1", 8000));
  }

  @Test
  void ignoresUnknownOptions() {
    assertThat(AgentServer.Options.parse("--log-level", "--port", "1")).isEqualTo(new AgentServer.Options("127.0.0.1", 1));
  }

  @Test
  void refusesANonNumericPort() {
    assertThatThrownBy(() -> AgentServer.Options.parse("--port", "eighty"))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessage("--port must be a number, got 'eighty'");
  }

  @Test
  void refusesAMissingValue() {
    assertThatThrownBy(() -> AgentServer.Options.parse("--host"))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}
