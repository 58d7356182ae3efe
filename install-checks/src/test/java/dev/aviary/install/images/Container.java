package dev.aviary.install.images;

import dev.aviary.install.Podman;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One container of a shipped image, started as {@code k8s/} and the chart run it: uid 10001, a read-only root
 * filesystem whose only writable places are the manifests' volumes (podman's own tmpfs mounts turned off), every
 * capability dropped, no privilege escalation. Its ports are published on 127.0.0.1. The engine's periodic health
 * checks are off (podman schedules them through systemd, which these machines do not run); {@link #checkHealth()}
 * runs the image's HEALTHCHECK as that timer would. Removed with its volumes on close.
 */
public final class Container implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Podman podman;
  private final String name;
  /** Container port to the URL base it is published at; asked of podman once per port. */
  private final Map<Integer, String> published = new ConcurrentHashMap<>();

  private Container(Podman podman, String name) {
    this.podman = podman;
    this.name = name;
  }

  /**
   * Starts the image detached.
   *
   * @param writable the paths the manifests mount as volumes (emptyDir: writable by anyone)
   * @param published the ports to publish on 127.0.0.1: a container port (at a free port here) or
   *                  {@code hostPort:containerPort}
   */
  public static Container start(Podman podman, String image, List<String> writable, List<String> published,
      Map<String, String> environment) {
    String name = "aviary-check-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> args = new ArrayList<>(List.of("run", "--detach", "--name", name, "--health-interval=disable",
        "--user", "10001:10001",
        "--read-only", "--read-only-tmpfs=false", "--cap-drop", "ALL", "--security-opt", "no-new-privileges"));
    // A fresh anonymous volume per path, owned as the image leaves the directory, removed with the container. Not a
    // tmpfs: podman 4.3 ignores tmpfs-mode on a directory the image has (root 755, not writable by uid 10001).
    writable.forEach(path -> args.addAll(List.of("--mount", "type=volume,destination=" + path)));
    published.forEach(port -> args.addAll(List.of("--publish",
        "127.0.0.1:" + (port.contains(":") ? port : ":" + port))));
    environment.forEach((key, value) -> args.addAll(List.of("--env", key + "=" + value)));
    args.add(image);
    podman.ok(args.toArray(String[]::new));
    return new Container(podman, name);
  }

  /** Starts the image with its manifests' volumes and its readiness port published. */
  public static Container start(Podman podman, Images.Shipped image, Map<String, String> environment) {
    return start(podman, image.tag(), image.volumes(), List.of(String.valueOf(image.readinessPort())), environment);
  }

  public String name() {
    return name;
  }

  /**
   * Waits until the image's readiness answers 200; false if the container stopped or {@code limit} passed first.
   * Polls every 50 ms, so the moment it returns is within 50 ms of readiness (the start benchmark's figure), and asks
   * podman whether the container still runs only once a second: each podman command is a process that takes CPU from
   * the start being measured.
   */
  public boolean awaitReady(Images.Shipped image, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    for (int poll = 1; status(image.readinessPort(), image.readinessPath()) != 200; poll++) {
      if (System.nanoTime() > deadline || poll % 20 == 0 && !state().equals("running")) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** A port free on this machine now, to publish a container port under. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port", e);
    }
  }

  /** The URL of a published container port on this machine, e.g. {@code url(8081, "/actuator/health")}. */
  public URI url(int containerPort, String path) {
    return URI.create(published.computeIfAbsent(containerPort, port -> "http://127.0.0.1:"
        + podman.ok("port", name, port + "/tcp").lines().findFirst().orElseThrow().replaceAll(".*:", "")) + path);
  }

  /** The status of a GET, or -1 while nothing answers. Redirects are not followed. */
  public int status(int containerPort, String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(url(containerPort, path)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  public String get(int containerPort, String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(url(containerPort, path)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " on " + name + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }

  /** A POST of a text body; the response. */
  public HttpResponse<String> post(int containerPort, String path, String contentType, String body) {
    try {
      return HTTP.send(HttpRequest.newBuilder(url(containerPort, path)).timeout(Duration.ofSeconds(5))
          .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("POST " + path + " on " + name + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }

  /** What the container printed so far (both streams). */
  public String log() {
    return podman.run(Duration.ofSeconds(30), "logs", name).output();
  }

  /** "running", "exited", ... */
  public String state() {
    return podman.inspect(name, "{{.State.Status}}");
  }

  public int exitCode() {
    return Integer.parseInt(podman.inspect(name, "{{.State.ExitCode}}"));
  }

  /** Runs the image's HEALTHCHECK once, as the engine's timer would; the health status it leaves. */
  public String checkHealth() {
    podman.run(Duration.ofSeconds(30), "healthcheck", "run", name);
    return podman.inspect(name, "{{.State.Health.Status}}");
  }

  /** The user the main process runs as, from inside ({@code id -u}). */
  public String processUser() {
    return podman.ok("exec", name, "id", "-u");
  }

  /** The container's main process resident memory in KiB, from its /proc. */
  public long residentKilobytes() {
    String status = podman.ok("exec", name, "cat", "/proc/1/status");
    return status.lines().filter(line -> line.startsWith("VmRSS:")).findFirst()
        .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElseThrow();
  }

  @Override
  public void close() {
    podman.run(Duration.ofSeconds(60), "rm", "--force", "--volumes", "--time", "5", name);
  }
}
