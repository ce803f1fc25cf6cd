package ai.kinitro.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The architecture rules every module checks (see {@link CommonArchitectureTest}). Each rule says
 * why it exists; a violation names the offending class and dependency.
 */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  public static final String COMMON = "ai.kinitro.common..";
  public static final String BACKEND = "ai.kinitro.backend..";
  public static final String VALIDATOR = "ai.kinitro.validator..";
  public static final String EVALUATOR = "ai.kinitro.evaluator..";
  public static final String ENVIRONMENTS = "ai.kinitro.env..";

  public static final ArchRule NOTHING_DEPENDS_ON_THE_BACKEND = noOneElseDependsOn(BACKEND);
  public static final ArchRule NOTHING_DEPENDS_ON_THE_VALIDATOR = noOneElseDependsOn(VALIDATOR);
  public static final ArchRule NOTHING_DEPENDS_ON_THE_EVALUATOR = noOneElseDependsOn(EVALUATOR);

  public static final ArchRule COMMON_IS_PLAIN_JAVA =
      noClasses().that().resideInAnyPackage(COMMON, ENVIRONMENTS)
          .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "javafx..", "jakarta.servlet..")
          .because("common and the environments are shared by the desktop app and every daemon, so they must not drag in a framework")
          .allowEmptyShould(true);

  public static final ArchRule ONE_LOGGING_API =
      noClasses().that().resideInAPackage("ai.kinitro..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "java.util.logging..", "org.apache.log4j..", "org.apache.logging.log4j..", "org.apache.commons.logging..")
          .because("all our code logs through SLF4J so every process is configured in one way")
          .allowEmptyShould(true);

  public static final ArchRule NO_STANDARD_STREAMS_OUTSIDE_COMMAND_LINES =
      noClasses().that().resideInAPackage("ai.kinitro..").and().resideOutsideOfPackage("..cli..")
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
          .because("daemons and libraries report through logs; only command-line entry points (packages named cli) print")
          .allowEmptyShould(true);

  public static final ArchRule VIEW_MODELS_IMPORT_NO_CONTROLS =
      noClasses().that().resideInAPackage("..viewmodel..")
          .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
          .because("view models hold state as properties and are unit-tested without a UI; only views touch controls")
          .allowEmptyShould(true);

  private static ArchRule noOneElseDependsOn(String daemonPackage) {
    return noClasses().that().resideOutsideOfPackage(daemonPackage)
        .should().dependOnClassesThat().resideInAPackage(daemonPackage)
        .because("arrows point to common only: a daemon is deployed alone and no other module may need it")
        .allowEmptyShould(true);
  }
}
