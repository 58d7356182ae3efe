package dev.aviary.install.images;

import dev.aviary.sandbox.signin.DemoUser;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console image, built from docker/console.Dockerfile and run as k8s/ and the chart run it, on its sandbox (no
 * cluster configured): what a person trying Aviary with {@code docker run} meets first.
 */
class ConsoleImageTest extends ShippedImageTest {

  private SandboxConsole console;

  @Override
  Images.Shipped image() {
    return Images.Shipped.CONSOLE;
  }

  @Override
  Container start() {
    console = SandboxConsole.start(podman, Map.of());
    return console.container();
  }

  @Override
  Map.Entry<Map<String, String>, String> badSetting() {
    return Map.entry(Map.of("AVIARY_PROMETHEUS_PRESET", "nonsense"), "aviary.prometheus.preset");
  }

  @Override
  String dependencyInItsSbom() {
    return "vaadin";
  }

  @Override
  List<String> buildTools() {
    return List.of("mvn", "javac", "node", "npm", "git", "gcc");
  }

  @Test
  void a_person_signs_in_through_the_published_ports_and_gets_the_console() throws Exception {
    FormSignIn browser = new FormSignIn();
    HttpResponse<String> signInPage = browser.open(console.home());
    assertThat(signInPage.statusCode()).isEqualTo(200);
    assertThat(signInPage.body()).contains("name=\"username\"");

    HttpResponse<String> page = browser.signIn(signInPage, DemoUser.ALL.get(1));
    assertThat(page.uri().getPort()).as("back at the console: %s", page.uri()).isEqualTo(console.consolePort());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("Aviary");
  }
}
