package dev.aviary.console.release;

import dev.aviary.testsupport.git.GitCli;
import dev.aviary.console.KaribuBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * A console and sandbox of their own for releases, with a fast plan (three 1-second steps) for webapi and a slow one
 * for document-processor (10-minute steps, 10 minutes warm), so a test can steer a release that is still running.
 */
abstract class ReleaseSandboxTest extends KaribuBase {

  private static final Path DATA = newDataDirectory("aviary-release-");

  @Autowired
  ReleaseService releases;

  @DynamicPropertySource
  static void fastReleases(DynamicPropertyRegistry registry) {
    registry.add("aviary.data-dir", DATA::toString);
    registry.add("aviary.releases.tick", () -> "200ms");
    registry.add("aviary.coordination.lease.duration", () -> "3s");
    registry.add("aviary.coordination.lease.renewal", () -> "2s");
    registry.add("aviary.coordination.lease.retry", () -> "200ms");
    registry.add("aviary.releases.plan.steps", () -> "20,50,100");
    registry.add("aviary.releases.plan.step-duration", () -> "1s");
    registry.add("aviary.releases.plan.min-requests", () -> "1");
    registry.add("aviary.releases.plan.warm-window", () -> "1s");
    registry.add("aviary.releases.plan.ready-timeout", () -> "30s");
    registry.add("aviary.releases.services.document-processor.step-duration", () -> "10m");
    registry.add("aviary.releases.services.document-processor.warm-window", () -> "10m");
  }

  String git(String... args) {
    return GitCli.run(Path.of(URI.create(sandbox.gitUrl())), args);
  }

  /** The service's newest release that brings this image. */
  Release releaseOf(String service, String image) {
    await().atMost(Duration.ofSeconds(10)).until(() -> find(service, image) != null);
    return find(service, image);
  }

  private Release find(String service, String image) {
    return releases.releases().stream().filter(r -> r.spec().service().equals(service)
        && r.spec().image().endsWith(":" + image)).reduce((a, b) -> b).orElse(null);
  }

  Release awaitFinished(String name) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> releases.release(name)
        .filter(r -> r.phase().finished()).isPresent());
    return releases.release(name).orElseThrow();
  }
}
