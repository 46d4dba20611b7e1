package dev.jcompose.scheduler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages form a DAG with {@code engine} on top; pure parts never reach the kernel
 * implementations.
 */
class PackageDependenciesTest {
  private static final String[] ENGINE = {
    "graph", "plan", "exec", "convert", "health", "restart", "state", "events", "names", "ops",
    "build", "watch", "verbs", "engine", "host", "client", "server", "wire", "api"
  };
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(engine());

  private static String[] engine() {
    String[] out = new String[ENGINE.length];
    for (int i = 0; i < ENGINE.length; i++) {
      out[i] = "dev.jcompose.scheduler." + ENGINE[i];
    }
    return out;
  }

  @Test
  void enginePackages_areFreeOfCycles() {
    slices().matching("dev.jcompose.scheduler.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void onlyTheWiring_knowsTheRealImplementations() {
    noClasses()
        .that()
        .doNotHaveSimpleName("EngineWiring")
        .and()
        .doNotHaveSimpleName("ClientProvider")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.jcompose.runtime.container..",
            "dev.jcompose.runtime.image..",
            "dev.jcompose.runtime.volume..",
            "dev.jcompose.runtime.cgroup..",
            "dev.jcompose.netmgr")
        .check(classes);
  }

  @Test
  void pureParts_doNotDependOnTheEngine() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "..scheduler.plan..",
            "..scheduler.graph..",
            "..scheduler.exec..",
            "..scheduler.convert..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..scheduler.ops..", "..scheduler.verbs..", "..scheduler.engine..")
        .check(classes);
  }
}
