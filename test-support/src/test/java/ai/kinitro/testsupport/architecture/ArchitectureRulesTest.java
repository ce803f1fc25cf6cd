package ai.kinitro.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.fixture.BackendOnly;
import ai.kinitro.common.fixture.NeedsTheBackend;
import ai.kinitro.common.fixture.PrintsToStandardOut;
import ai.kinitro.common.fixture.UsesJulLogging;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Proves each shared rule can fail, so a green architecture test means something. */
class ArchitectureRulesTest {

  @Test
  void aClassPrintingToStandardOutOutsideACommandLineIsReported() {
    assertViolated(ArchitectureRules.NO_STANDARD_STREAMS_OUTSIDE_COMMAND_LINES, PrintsToStandardOut.class);
  }

  @Test
  void aSecondLoggingApiIsReported() {
    assertViolated(ArchitectureRules.ONE_LOGGING_API, UsesJulLogging.class);
  }

  @Test
  void anArrowIntoADaemonIsReported() {
    assertViolated(ArchitectureRules.NOTHING_DEPENDS_ON_THE_BACKEND, NeedsTheBackend.class, BackendOnly.class);
  }

  @Test
  void aDaemonUsingItsOwnClassesIsFine() {
    JavaClasses classes = new ClassFileImporter().importClasses(BackendOnly.class);
    assertThat(ArchitectureRules.NOTHING_DEPENDS_ON_THE_BACKEND.evaluate(classes).hasViolation()).isFalse();
  }

  private static void assertViolated(ArchRule rule, Class<?>... fixtures) {
    JavaClasses classes = new ClassFileImporter().importClasses(fixtures);
    assertThat(rule.evaluate(classes).hasViolation()).as(rule.getDescription()).isTrue();
  }
}
