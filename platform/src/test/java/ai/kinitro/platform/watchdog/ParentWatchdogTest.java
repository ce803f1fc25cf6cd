package ai.kinitro.platform.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParentWatchdogTest {
  @Test
  void readsTheSupervisorPidFromTheAgentArgument() {
    assertThat(ParentWatchdog.parse(" 4242 ")).contains(4242L);
    assertThat(ParentWatchdog.parse("")).isEmpty();
    assertThat(ParentWatchdog.parse("not-a-pid")).isEmpty();
  }

  @Test
  void theRealParentIsPresentAndAnyOtherPidIsNot() {
    long parent = ProcessHandle.current().parent().orElseThrow().pid();

    assertThat(ParentWatchdog.parentPresent(parent)).isTrue();
    assertThat(ParentWatchdog.parentPresent(ProcessHandle.current().pid())).isFalse();
  }
}
