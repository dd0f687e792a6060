package dev.tandem.sandbox.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same direction as {@link ModuleDependencyTest}, checked on the compiled classes. */
class PackageDependencyTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tandem");
  }

  @Test
  void protocolUsesNoOtherTandemCode() {
    noClasses()
        .that()
        .resideInAPackage("dev.tandem.protocol..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tandem.edge..",
            "dev.tandem.ingest..",
            "dev.tandem.trainer..",
            "dev.tandem.deploy..",
            "dev.tandem.registry..",
            "dev.tandem.servers..",
            "dev.tandem.testkit..",
            "dev.tandem.sandbox..")
        .check(classes);
  }

  @Test
  void edgeModelUsesNoOtherTandemCode() {
    noClasses()
        .that()
        .resideInAPackage("dev.tandem.edgemodel..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tandem.protocol..",
            "dev.tandem.edge..",
            "dev.tandem.ingest..",
            "dev.tandem.trainer..",
            "dev.tandem.deploy..",
            "dev.tandem.registry..",
            "dev.tandem.servers..",
            "dev.tandem.sandbox..")
        .check(classes);
  }

  @Test
  void mqttClientUsesNoOtherTandemCode() {
    classes()
        .that()
        .resideInAPackage("dev.tandem.mqtt..")
        .should()
        .onlyDependOnClassesThat(
            resideInAPackage("dev.tandem.mqtt..").or(resideOutsideOfPackage("dev.tandem..")))
        .check(classes);
  }

  @Test
  void edgeAgentUsesNoCloudCode() {
    noClasses()
        .that()
        .resideInAPackage("dev.tandem.edge..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tandem.ingest..",
            "dev.tandem.trainer..",
            "dev.tandem.deploy..",
            "dev.tandem.registry..",
            "dev.tandem.servers..",
            "dev.tandem.testkit..",
            "dev.tandem.sandbox..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void onlyTheSandboxUsesTheSandbox() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.tandem.sandbox..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.tandem.sandbox..")
        .check(classes);
  }

  @Test
  void internalPackagesStayInsideTheirModule() {
    for (String module :
        new String[] {"protocol", "edge", "ingest", "trainer", "deploy", "servers"}) {
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.tandem." + module + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.tandem." + module + "..internal..")
          .allowEmptyShould(true)
          .check(classes);
    }
  }
}
