package dev.aviary.console;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The boundaries the code is organised by; a change that crosses one fails here with the offending dependency. */
class ArchitectureTest {

  private static final JavaClasses CONSOLE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.aviary.console");
  /** Every client the code base could speak HTTP (or SMTP) to another system with, by package. */
  private static final String[] NETWORK_CLIENTS = {"java.net.http..", "org.springframework.web.client..",
      "org.springframework.web.reactive.function.client..", "org.springframework.http.client..", "org.apache.hc..",
      "org.apache.http..", "okhttp3..", "io.vertx..", "jakarta.mail..", "org.springframework.mail.."};
  /** The same clients spelled as classes of packages that hold much else. */
  private static final DescribedPredicate<JavaClass> NETWORK_CLASSES = JavaClass.Predicates.belongToAnyOf(
      HttpURLConnection.class, URLConnection.class, Socket.class);
  private static final String[] EXTERNAL_CLIENTS = Stream.concat(Stream.of("io.fabric8..", "org.eclipse.jgit.."),
      Stream.of(NETWORK_CLIENTS)).toArray(String[]::new);
  /** The adapters: the only packages that talk to other systems. */
  private static final String[] ADAPTERS = {"..prometheus..", "..fabric8..", "..jgit..",
      "dev.aviary.console.notifications.http..", "dev.aviary.console.notifications.mail.."};
  /**
   * The packages that hold views (and the application class, which configures Vaadin). Every other package, one
   * added tomorrow included, is covered by the rules that keep Vaadin out.
   */
  private static final String[] WITH_VIEWS = {"dev.aviary.console", "dev.aviary.console.ui",
      "dev.aviary.console.health", "dev.aviary.console.services", "dev.aviary.console.release",
      "dev.aviary.console.history", "dev.aviary.console.audit", "dev.aviary.console.settings",
      "dev.aviary.console.security"};

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

  private static final ArchRule NETWORK_ONLY_IN_ADAPTERS = noClasses().that().resideOutsideOfPackages(ADAPTERS)
      .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(NETWORK_CLIENTS).or(NETWORK_CLASSES));
  private static final ArchRule VAADIN_ONLY_WITH_VIEWS = noClasses().that().resideOutsideOfPackages(WITH_VIEWS)
      .should().dependOnClassesThat().resideInAPackage("com.vaadin..");

  @Test
  void only_the_adapters_speak_http_or_smtp_to_other_systems() {
    NETWORK_ONLY_IN_ADAPTERS.check(CONSOLE);
  }

  @Test
  void the_judges_are_pure_functions_of_readings_and_statistics() {
    classes().that().resideInAPackage("dev.aviary.console.analysis..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.aviary.console.analysis..",
            "dev.aviary.console.statistics..", "dev.aviary.console.metrics", "java..")
        .check(CONSOLE);
  }

  @Test
  void features_do_not_form_cycles() {
    slices().matching("dev.aviary.console.(*)..").should().beFreeOfCycles().check(CONSOLE);
  }

  @Test
  void the_shell_depends_on_no_feature_but_the_cluster_git_and_people() {
    noClasses().that().resideInAPackage("dev.aviary.console.ui..")
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.aviary.console..")
            .and(JavaClass.Predicates.resideOutsideOfPackages("dev.aviary.console", "dev.aviary.console.ui..",
                "dev.aviary.console.cluster", "dev.aviary.console.gitops", "dev.aviary.console.access")))
        .check(CONSOLE);
  }

  @Test
  void feature_services_do_not_depend_on_vaadin() {
    noClasses().that().areAnnotatedWith(Service.class).or().haveSimpleNameEndingWith("Service")
        .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
        .check(CONSOLE);
  }

  @Test
  void only_packages_with_views_depend_on_vaadin() {
    VAADIN_ONLY_WITH_VIEWS.check(CONSOLE);
  }

  @Test
  void a_package_added_tomorrow_is_covered_without_editing_these_rules() {
    JavaClasses newcomer = new ClassFileImporter().importClasses(dev.aviary.console.newcomer.Newcomer.class);

    assertThat(VAADIN_ONLY_WITH_VIEWS.evaluate(newcomer).hasViolation()).as("a view-less package importing Vaadin")
        .isTrue();
    assertThat(NETWORK_ONLY_IN_ADAPTERS.evaluate(newcomer).hasViolation()).as("a feature with its own HTTP client")
        .isTrue();
  }

  /**
   * A setting read through {@code @Value} or a {@code ${...}} placeholder escapes its properties record: it is never
   * validated, and its default can drift from the record's. Every {@code aviary.*} setting lives in a record.
   */
  @Test
  void every_aviary_setting_is_read_through_its_properties_record() throws IOException {
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      List<String> raw = sources.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> read(f).contains("${aviary.")).map(Path::toString).toList();
      assertThat(raw).as("files reading an aviary.* setting outside a properties record").isEmpty();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void adapters_know_nothing_of_the_sandbox() {
    noClasses().that().resideInAnyPackage("..fabric8..", "..jgit..", "..prometheus..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.aviary.console.sandbox..", "dev.aviary.sandbox..")
        .check(CONSOLE);
  }
}
