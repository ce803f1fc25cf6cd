package ai.kinitro.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared architecture test. Each module has one empty subclass ({@code class ArchitectureTest
 * extends CommonArchitectureTest {}}) so the rules run against that module's production classes
 * and everything on its class path.
 */
public abstract class CommonArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("ai.kinitro");
  }

  @Test
  void noModuleDependsOnTheBackend() {
    ArchitectureRules.NOTHING_DEPENDS_ON_THE_BACKEND.check(classes);
  }

  @Test
  void noModuleDependsOnTheValidator() {
    ArchitectureRules.NOTHING_DEPENDS_ON_THE_VALIDATOR.check(classes);
  }

  @Test
  void noModuleDependsOnTheEvaluator() {
    ArchitectureRules.NOTHING_DEPENDS_ON_THE_EVALUATOR.check(classes);
  }

  @Test
  void commonAndEnvironmentsImportNoSpringOrJavaFx() {
    ArchitectureRules.COMMON_IS_PLAIN_JAVA.check(classes);
  }

  @Test
  void everythingLogsThroughOneApi() {
    ArchitectureRules.ONE_LOGGING_API.check(classes);
  }

  @Test
  void onlyCommandLinesPrintToStandardStreams() {
    ArchitectureRules.NO_STANDARD_STREAMS_OUTSIDE_COMMAND_LINES.check(classes);
  }

  @Test
  void viewModelsImportNoControls() {
    ArchitectureRules.VIEW_MODELS_IMPORT_NO_CONTROLS.check(classes);
  }
}
