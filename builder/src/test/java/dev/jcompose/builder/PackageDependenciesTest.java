package dev.jcompose.builder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The builder's shape: pure parts (parser, ignore rules, planner) know no host; packages form a
 * DAG.
 */
class PackageDependenciesTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.jcompose.builder");

  @Test
  void packages_areFreeOfCycles() {
    slices().matching("dev.jcompose.builder.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void pureParts_touchNeitherTheRuntimeNorTheExecutor() {
    noClasses()
        .that()
        .resideInAnyPackage("..builder.dockerfile..", "..builder.ignore..", "..builder.plan..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..builder.exec..",
            "..builder.context..",
            "..builder.cache..",
            "dev.jcompose.runtime.container..",
            "dev.jcompose.runtime.api..",
            "dev.jcompose.runtime.fs..")
        .check(classes);
  }

  @Test
  void theApi_dependsOnNoImplementation() {
    noClasses()
        .that()
        .resideInAPackage("..builder.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..builder.exec..", "..builder.plan..", "..builder.context..")
        .check(classes);
  }
}
