package dev.aviary.console;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Service;

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
  void only_the_adapters_speak_http_to_other_systems() {
    noClasses().that().resideOutsideOfPackages("..prometheus..", "..fabric8..", "..jgit..",
            "dev.aviary.console.notifications.http..")
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
            "dev.aviary.console.history..", "dev.aviary.console.security..", "dev.aviary.console.audit..")
        .check(CONSOLE);
  }

  @Test
  void feature_services_do_not_depend_on_vaadin() {
    noClasses().that().areAnnotatedWith(Service.class).or().haveSimpleNameEndingWith("Service")
        .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
        .check(CONSOLE);
  }

  @Test
  void packages_without_views_do_not_depend_on_vaadin() {
    noClasses().that().resideInAnyPackage("dev.aviary.console.cluster..", "dev.aviary.console.gitops..",
            "dev.aviary.console.routing..", "dev.aviary.console.metrics..", "dev.aviary.console.scaling..",
            "dev.aviary.console.simulation..", "dev.aviary.console.access..", "dev.aviary.console.api..")
        .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
        .check(CONSOLE);
  }

  @Test
  void adapters_know_nothing_of_the_sandbox() {
    noClasses().that().resideInAnyPackage("..fabric8..", "..jgit..", "..prometheus..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.aviary.console.sandbox..", "dev.aviary.sandbox..")
        .check(CONSOLE);
  }
}
