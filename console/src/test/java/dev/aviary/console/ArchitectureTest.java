package dev.aviary.console;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The boundaries the code is organised by; a change that crosses one fails here with the offending dependency. */
class ArchitectureTest {

  private static final JavaClasses CONSOLE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.aviary.console");
  private static final String[] EXTERNAL_CLIENTS = {"io.fabric8..", "org.eclipse.jgit..", "java.net.http..",
      "org.apache.hc..", "okhttp3..", "io.vertx.."};

  @Test
  void views_do_not_touch_cluster_git_or_http_clients() {
    noClasses().that().areAssignableTo(Component.class)
        .should().dependOnClassesThat().resideInAnyPackage(EXTERNAL_CLIENTS)
        .check(CONSOLE);
  }

  @Test
  void only_adapters_import_fabric8_or_jgit() {
    noClasses().that().resideOutsideOfPackages("..fabric8..", "..jgit..", "dev.aviary.console.sandbox..")
        .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "org.eclipse.jgit..", "dev.aviary.sandbox..")
        .check(CONSOLE);
  }

  @Test
  void only_the_prometheus_adapter_speaks_http_to_other_systems() {
    noClasses().that().resideOutsideOfPackages("..prometheus..", "..fabric8..", "..jgit..")
        .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
        .check(CONSOLE);
  }

  @Test
  void features_do_not_form_cycles() {
    slices().matching("dev.aviary.console.(*)..").should().beFreeOfCycles().check(CONSOLE);
  }

  @Test
  void the_shell_depends_on_no_feature_view() {
    noClasses().that().resideInAPackage("dev.aviary.console.ui..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.aviary.console.services..",
            "dev.aviary.console.health..", "dev.aviary.console.release..", "dev.aviary.console.settings..",
            "dev.aviary.console.gitops..")
        .check(CONSOLE);
  }
}
