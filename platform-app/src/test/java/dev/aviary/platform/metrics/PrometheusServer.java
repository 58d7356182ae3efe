package dev.aviary.platform.metrics;

import dev.aviary.testsupport.InstalledTool;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;


/**
 * The machine's Prometheus server (Debian's package), started on a free port and scraping given targets, or the
 * targets a test discovers for it (the pods of a real node).
 */
public final class PrometheusServer implements AutoCloseable {

  private static final Path BINARY = Path.of("/usr/bin/prometheus");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final String address;
  private final int port;
  private final String url;
  private final HttpClient http = HttpClient.newHttpClient();
  private Process process;

  private PrometheusServer(Path dir, String address, int port) {
    this.dir = dir;
    this.address = address;
    this.port = port;
    this.url = "http://" + address + ":" + port;
  }

  /**
   * @param targets "host:port" to the labels of its series, scraped every second
   */
  public static PrometheusServer start(Path dir, Map<String, Map<String, String>> targets) throws IOException {
    InstalledTool.executable(BINARY, ".ci/run installs Debian's prometheus package");
    PrometheusServer server = new PrometheusServer(dir, "127.0.0.1", freePort());
    server.writeConfig(targets);
    server.restart();
    return server;
  }

  /**
   * Listens on {@code address} (where a cluster's pods reach it) and scrapes what {@link #discovered} last wrote, a
   * file Prometheus watches: how a test stands in for Kubernetes service discovery, which Debian's Prometheus is
   * built without.
   */
  public static PrometheusServer startWithFileDiscovery(Path dir, String address) throws IOException {
    InstalledTool.executable(BINARY, ".ci/run installs Debian's prometheus package");
    PrometheusServer server = new PrometheusServer(dir, address, freePort());
    server.discovered(Map.of());
    Files.writeString(dir.resolve("prometheus.yml"), """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        scrape_configs:
        - job_name: discovered
          file_sd_configs:
          - files: ["%s"]
            refresh_interval: 1s
        """.formatted(server.discoveredFile()));
    server.restart();
    return server;
  }

  /**
   * The targets ("host:port") and their labels, a {@code __metrics_path__} label for a path other than /metrics;
   * written aside and moved in, so Prometheus never reads half a file.
   */
  public void discovered(Map<String, Map<String, String>> targets) throws IOException {
    List<Map<String, Object>> groups = targets.entrySet().stream()
        .map(t -> Map.<String, Object>of("targets", List.of(t.getKey()), "labels", t.getValue())).toList();
    Path partial = Files.writeString(dir.resolve("discovered.json.partial"), JSON.writeValueAsString(groups));
    Files.move(partial, discoveredFile(), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private Path discoveredFile() {
    return dir.resolve("discovered.json");
  }

  /** Scrapes these targets from now on, as service discovery would when pods come and go. */
  public void scrape(Map<String, Map<String, String>> targets) throws IOException {
    writeConfig(targets);
    try {
      int status = http.send(HttpRequest.newBuilder(URI.create(url + "/-/reload"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        throw new IllegalStateException("Prometheus refused to reload its configuration: HTTP " + status);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void writeConfig(Map<String, Map<String, String>> targets) throws IOException {
    String scrapeConfigs = targets.entrySet().stream().map(t -> """
          - targets: ["%s"]
            labels: {%s}
        """.formatted(t.getKey(), t.getValue().entrySet().stream()
        .map(l -> l.getKey() + ": \"" + l.getValue() + "\"").collect(Collectors.joining(", "))))
        .collect(Collectors.joining());
    Files.writeString(dir.resolve("prometheus.yml"), """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        scrape_configs:
        - job_name: platform-app
          metrics_path: /metrics
          static_configs:
        %s""".formatted(scrapeConfigs));
  }

  /** Starts the server again after {@link #close()}, on the same port and with the data it had. */
  public void restart() throws IOException {
    process = new ProcessBuilder(BINARY.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=" + address + ":" + port,
        "--web.enable-lifecycle").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("prometheus.log").toFile())).start();
    awaitReady();
  }

  public String url() {
    return url;
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofMillis(100));
    }
    throw new IllegalStateException("Prometheus did not become ready at " + url);
  }

  /** Waits until every target has been scraped, so that the first counter increments are not lost before it. */
  public void awaitTargetsUp(int targets) {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      if (query("up == 1").size() == targets) {
        return;
      }
      sleep(Duration.ofMillis(200));
    }
    throw new IllegalStateException("Prometheus did not scrape all " + targets + " targets at " + url);
  }

  /** An instant query's result vector: each sample's labels and value. */
  public List<JsonNode> query(String promql) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/query?query="
          + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(response.body());
      if (!"success".equals(body.path("status").asString())) {
        throw new IllegalStateException("query failed: " + promql + ": " + response.body());
      }
      return body.path("data").path("result").valueStream().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
  }
}
