package ai.kinitro.queue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ai.kinitro.testsupport.architecture.CommonArchitectureTest;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest extends CommonArchitectureTest {
  @Test
  void theQueueIsPlainJava() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("ai.kinitro.queue");
    noClasses().that().resideInAPackage("ai.kinitro.queue..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "javafx..")
        .because("the validator and the evaluator share the queue as a library; it must not drag in a framework")
        .check(classes);
  }
}
