package dev.aviary.install.images;

import dev.aviary.install.Podman;
import dev.aviary.install.Repository;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Aviary's two images, built from their Dockerfiles as a user builds them ({@code podman build -f docker/... .} from
 * the repository root), once per test run: every test class that needs one shares the build.
 *
 * <p>Two things differ from a user's build, neither in the Dockerfiles: the image format is Docker's (the OCI
 * format podman defaults to drops {@code HEALTHCHECK}), and the build's Maven also reads the local repository of the
 * Maven that runs these tests, read-only ({@code maven.repo.local.tail} through the Dockerfiles' {@code MAVEN_ARGS}),
 * so a fresh machine does not download every dependency a second time. Where the base images come from is
 * {@code testenv/images/bases.sh}'s business.
 */
public final class Images {

  /** One of the images Aviary ships, with what the manifests run it with. */
  public enum Shipped {
    CONSOLE("docker/console.Dockerfile", "ghcr.io/aviary-dev/console:0.1.0", 8081, "/actuator/health/readiness",
        List.of("/var/lib/aviary", "/tmp")),
    PLATFORM_APP("docker/platform-app.Dockerfile", "ghcr.io/aviary-dev/platform-app:1.0.0", 8080, "/health/ready",
        List.of("/tmp"));

    private final String dockerfile;
    private final String tag;
    private final int readinessPort;
    private final String readinessPath;
    private final List<String> volumes;

    Shipped(String dockerfile, String tag, int readinessPort, String readinessPath, List<String> volumes) {
      this.dockerfile = dockerfile;
      this.tag = tag;
      this.readinessPort = readinessPort;
      this.readinessPath = readinessPath;
      this.volumes = volumes;
    }

    /** Its Dockerfile, relative to the repository's root. */
    public String dockerfile() {
      return dockerfile;
    }

    /** The name the manifests and the chart run it under. */
    public String tag() {
      return tag;
    }

    /** The container port of the readiness probe. */
    public int readinessPort() {
      return readinessPort;
    }

    public String readinessPath() {
      return readinessPath;
    }

    /** The paths the manifests mount as volumes (emptyDir): the only writable places. */
    public List<String> volumes() {
      return volumes;
    }
  }

  private static final Duration BUILD_TIME_LIMIT = Duration.ofMinutes(20);
  private static final Map<Shipped, String> BUILT = new ConcurrentHashMap<>();

  private Images() {
  }

  /** The image, built on first use in this JVM; its tag. A failed build fails every test that needs it. */
  public static synchronized String built(Podman podman, Shipped image) {
    return BUILT.computeIfAbsent(image, wanted -> build(podman, wanted));
  }

  private static String build(Podman podman, Shipped image) {
    Path root = Repository.root();
    List<String> args = new ArrayList<>(List.of("build", "--format", "docker", "--network", "host",
        "--file", root.resolve(image.dockerfile).toString(), "--tag", image.tag,
        "--build-arg", "REVISION=" + Repository.revision()));
    Path hostRepository = Repository.mavenRepository();
    if (Files.isDirectory(hostRepository)) {
      args.addAll(List.of("--volume", hostRepository + ":/host-maven-repository:ro",
          "--build-arg", "MAVEN_ARGS=-Dmaven.repo.local.tail=/host-maven-repository"));
    }
    args.add(root.toString());
    long started = System.nanoTime();
    Podman.Result result = podman.run(BUILD_TIME_LIMIT, args.toArray(String[]::new));
    if (!result.succeeded()) {
      throw new AssertionError(image.dockerfile + " did not build (podman build exited " + result.exitCode()
          + "):\n" + result.tail(60));
    }
    System.out.printf("Built %s from %s in %.0f s%n", image.tag, image.dockerfile,
        (System.nanoTime() - started) / 1e9);
    return image.tag;
  }
}
