package dev.jcompose;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module and package graph of jcompose (ARCHITECTURE.md), checked on the main classes of every
 * module: the CLI reaches the engine only through the scheduler's API, reads the model, converts
 * through the convert module's door and writes JSON with the one codec; convert reads only the
 * model; the model stands on common alone (Go durations); runtime and netmgr are two independent
 * floors below the scheduler and know nothing of compose; the image builder stands on the runtime
 * alone; no package depends on itself through others.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          // The modules arrive as folders under `mvn test` and as jars under `mvn verify`: jars
          // must count, and importPackages keeps the import to jcompose's own classes.
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.jcompose");

  @Test
  void cli_dependsOnlyOnTheSchedulerApiAndTheModel() {
    classes()
        .that()
        .resideInAPackage("dev.jcompose.cli..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.jcompose.cli..",
            "dev.jcompose.scheduler.api..",
            "dev.jcompose.model..",
            "dev.jcompose.convert",
            "dev.jcompose.convert.api..",
            "dev.jcompose.common.json..",
            "dev.jcompose.common.time..",
            "java..")
        .check(MAIN);
  }

  @Test
  void runtime_knowsNeitherTheNetworkManagerNorTheModel() {
    noClasses()
        .that()
        .resideInAPackage("dev.jcompose.runtime..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.jcompose.netmgr..",
            "dev.jcompose.model..",
            "dev.jcompose.builder..",
            "dev.jcompose.scheduler..",
            "dev.jcompose.cli..")
        .check(MAIN);
  }

  @Test
  void builder_standsOnTheRuntimeAlone() {
    // the scheduler maps build: sections to BuildRequests and lends the build its network
    noClasses()
        .that()
        .resideInAPackage("dev.jcompose.builder..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.jcompose.netmgr..",
            "dev.jcompose.model..",
            "dev.jcompose.scheduler..",
            "dev.jcompose.cli..")
        .check(MAIN);
  }

  @Test
  void netmgr_knowsNeitherTheRuntimeNorTheModel() {
    noClasses()
        .that()
        .resideInAPackage("dev.jcompose.netmgr..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.jcompose.runtime..",
            "dev.jcompose.model..",
            "dev.jcompose.scheduler..",
            "dev.jcompose.cli..")
        .check(MAIN);
  }

  @Test
  void model_standsOnCommonAlone() {
    noClasses()
        .that()
        .resideInAPackage("dev.jcompose.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.jcompose.runtime..",
            "dev.jcompose.netmgr..",
            "dev.jcompose.scheduler..",
            "dev.jcompose.cli..")
        .check(MAIN);
  }

  @Test
  void convert_readsOnlyTheModel() {
    classes()
        .that()
        .resideInAPackage("dev.jcompose.convert..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.jcompose.convert..", "dev.jcompose.model..", "java..")
        .check(MAIN);
  }

  @Test
  void packages_areFreeOfCycles() {
    slices().matching("dev.jcompose.(**)").should().beFreeOfCycles().check(MAIN);
  }
}
