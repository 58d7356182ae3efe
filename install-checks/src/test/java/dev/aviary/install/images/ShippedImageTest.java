package dev.aviary.install.images;

import dev.aviary.install.Podman;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every image Aviary ships must do, run as its manifests run it: the image is built (once per run), one container
 * of it started and awaited ready before the tests, and removed after them; each subclass says how it starts and what
 * is particular to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ShippedImageTest {

  Podman podman;
  private Container running;

  abstract Images.Shipped image();

  /** Starts the container the tests share, as this image's users run it. */
  abstract Container start();

  @BeforeAll
  void buildAndStartOne() {
    podman = Podman.installed();
    Images.built(podman, image());
    running = start();
    assertThat(running.awaitReady(image(), Duration.ofMinutes(2))).as("ready; its log:\n%s", running.log()).isTrue();
  }

  @AfterAll
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  /** The container started before the tests, ready. */
  Container running() {
    return running;
  }

  /** A setting with a value the application refuses, and the name its refusal must say. */
  abstract Map.Entry<Map<String, String>, String> badSetting();

  /** A dependency its SBOM must list. */
  abstract String dependencyInItsSbom();

  /** Tools of the build that must not be in the runtime image. */
  abstract List<String> buildTools();

  @Test
  void it_runs_as_uid_10001_on_a_read_only_root_filesystem_without_an_error_in_its_log() {
    assertThat(running().processUser()).isEqualTo("10001");
    assertThat(podman.run(Duration.ofSeconds(30), "exec", running().name(), "touch", "/app/written").succeeded())
        .as("writing beside the application").isFalse();
    assertThat(running().log()).doesNotContainPattern("(?m)\\bERROR\\b");
  }

  @Test
  void its_healthcheck_turns_healthy() {
    assertThat(running().checkHealth()).isEqualTo("healthy");
  }

  @Test
  void a_container_with_a_bad_setting_exits_non_zero_naming_the_setting() {
    try (Container bad = Container.start(podman, image(), badSetting().getKey())) {
      await("the container to exit").atMost(Duration.ofSeconds(90)).until(() -> bad.state().equals("exited"));
      assertThat(bad.exitCode()).isNotZero();
      assertThat(bad.log()).contains(badSetting().getValue());
    }
  }

  @Test
  void the_image_names_its_revision_and_carries_an_sbom_but_no_build_tools() {
    ImageFacts facts = ImageFacts.of(podman, image().tag());
    assertThat(facts.label("org.opencontainers.image.revision")).matches("[0-9a-f]{40}");
    assertThat(facts.sbom()).containsPattern("\"bomFormat\"\\s*:\\s*\"CycloneDX\"").contains(dependencyInItsSbom());
    assertThat(facts.commandsOnPath(buildTools().toArray(String[]::new))).isEmpty();
    System.out.println(facts.describe());
  }
}
