package dev.aviary.install.images;

import dev.aviary.install.Repository;
import dev.aviary.testsupport.InstalledTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/compose.yaml as Docker Compose reads it: loaded by compose-go (the library {@code docker compose} is built
 * on, schema and all; testenv/compose-check), every image it names either built from one of Aviary's Dockerfiles
 * under the name the image tests build it as, or listed in docs/install.md as pulled.
 */
class ComposeFileTest {

  /** A service as compose-check prints it. */
  record Service(String name, String image, String dockerfile, List<String> ports) {

    static Service parse(String line) {
      String[] fields = line.split("\t");
      return new Service(fields[0], fields[1], fields[2],
          fields[3].equals("-") ? List.of() : Arrays.asList(fields[3].split(",")));
    }

    boolean built() {
      return !dockerfile.equals("-");
    }
  }

  private static List<Service> services;

  @BeforeAll
  static void loadTheFileAsComposeDoes() throws IOException, InterruptedException {
    Path go = InstalledTool.command("go", "install Go 1.26 (it builds the test control plane too)");
    Path root = Repository.root();
    Process process = new ProcessBuilder(go.toString(), "run", ".", root.resolve("docker/compose.yaml").toString())
        .directory(root.resolve("testenv/compose-check").toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("Compose's verdict on docker/compose.yaml:\n%s", output).isZero();
    services = output.lines().filter(line -> line.contains("\t")).map(Service::parse).toList();
  }

  @Test
  void compose_accepts_the_file_and_finds_every_service() {
    assertThat(services).extracting(Service::name).contains("console", "platform-v1", "platform-v2", "postgresql",
        "redis", "prometheus", "grafana", "jaeger");
  }

  @Test
  void each_image_it_builds_comes_from_aviarys_dockerfile_under_the_name_the_image_tests_build() {
    Path root = Repository.root();
    for (Service service : services.stream().filter(Service::built).toList()) {
      Images.Shipped shipped = Arrays.stream(Images.Shipped.values())
          .filter(image -> root.resolve(image.dockerfile()).equals(Path.of(service.dockerfile())))
          .findFirst().orElseThrow(() -> new AssertionError(service + " is built from no Dockerfile of Aviary's"));
      assertThat(service.image()).as(service.name()).isEqualTo(shipped.tag());
    }
  }

  @Test
  void each_image_it_pulls_is_listed_in_the_install_guide() throws IOException {
    String guide = Files.readString(Repository.root().resolve("docs/install.md"));
    assertThat(services.stream().filter(service -> !service.built()))
        .allSatisfy(service -> assertThat(guide).as("docs/install.md names %s", service.image())
            .contains("`" + service.image() + "`"));
  }

  @Test
  void the_console_publishes_its_sandbox_sign_in_under_the_same_number_as_its_own_port() {
    Service console = services.stream().filter(service -> service.name().equals("console")).findFirst()
        .orElseThrow();
    assertThat(console.ports()).contains("8080:8080", "8090:8090");
  }
}
