package dev.aviary.install.images;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The platform-app image, built from docker/platform-app.Dockerfile and run as the platform's manifests run it. */
class PlatformAppImageTest extends ShippedImageTest {

  @Override
  Images.Shipped image() {
    return Images.Shipped.PLATFORM_APP;
  }

  @Override
  Container start() {
    return Container.start(podman, image().tag(), image().volumes(), List.of("8080", "9090"),
        Map.of("APP_VERSION", "v7"));
  }

  @Override
  Map.Entry<Map<String, String>, String> badSetting() {
    return Map.entry(Map.of("FAULT_ERROR_RATE", "often"), "fault-error-rate");
  }

  @Override
  String dependencyInItsSbom() {
    return "spring-boot";
  }

  @Override
  List<String> buildTools() {
    return List.of("mvn", "javac", "git", "gcc");
  }

  @Test
  void it_processes_a_document_and_serves_its_metrics_on_the_metrics_port() {
    HttpResponse<String> submitted = running().post(8080, "/api/v1/documents", "text/plain",
        "Aviary's images run. This document is split into chunks by the image under test.");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String location = submitted.headers().firstValue("Location").orElseThrow();
    await("the document processed").atMost(Duration.ofSeconds(30))
        .until(() -> running().get(8080, location).contains("\"DONE\""));

    assertThat(running().get(9090, "/metrics")).contains("version=\"v7\"");
  }
}
