package dev.aviary.platform.metrics;

import dev.aviary.platform.Http;
import dev.aviary.platform.PlatformProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Two real platform-app processes, v1 healthy and v2 failing 30% of API requests on purpose, scraped by a real
 * Prometheus: the {@code version} label must let PromQL tell them apart.
 */
class PrometheusScrapeTest {

  static final String REQUESTS_1M = "sum by (version) (increase(http_server_requests_total{route=~\"/api/.*\"}[1m]))";
  /** A version without any 5xx has no error series at all: "or ... * 0" makes its ratio 0 rather than absent. */
  static final String ERROR_RATIO = "(sum by (version) (increase(http_server_requests_total{route=~\"/api/.*\","
      + "status=~\"5..\"}[1m])) or " + REQUESTS_1M + " * 0) / " + REQUESTS_1M;
  static final String P99 = "histogram_quantile(0.99, sum by (version, le) "
      + "(rate(http_server_request_duration_seconds_bucket{route=~\"/api/.*\"}[1m])))";
  static final int REQUESTS = 600;

  @TempDir
  Path dir;

  @Test
  void promql_on_the_version_label_separates_a_faulty_v2_from_a_healthy_v1() throws Exception {
    try (PlatformProcess v1 = PlatformProcess.start(Map.of("APP_VERSION", "v1", "WARMUP", "0s"), dir.resolve("v1.log"));
         PlatformProcess v2 = PlatformProcess.start(Map.of("APP_VERSION", "v2", "WARMUP", "0s",
             "FAULT_ERROR_RATE", "0.3"), dir.resolve("v2.log"));
         PrometheusServer prometheus = PrometheusServer.start(dir, Map.of(
             v1.target(), Map.of("service", "webapi"), v2.target(), Map.of("service", "webapi")))) {

      prometheus.awaitTargetsUp(2);
      load(v1.http(), v2.http());

      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        Map<String, Double> ratio = byVersion(prometheus.query(ERROR_RATIO));
        assertThat(ratio).containsOnlyKeys("v1", "v2");
        assertThat(ratio.get("v1")).isZero();
        assertThat(ratio.get("v2")).isCloseTo(0.3, within(0.08));
      });
      Map<String, Double> p99 = byVersion(prometheus.query(P99));
      assertThat(p99).containsOnlyKeys("v1", "v2");
      assertThat(p99.values()).allSatisfy(seconds -> assertThat(seconds).isFinite().isPositive().isLessThan(10.0));
      assertThat(byVersion(prometheus.query("processing_queue_capacity"))).containsEntry("v1", 64.0);
    }
  }

  /** Spreads the requests over a few seconds, so that several scrapes see them rise. */
  private static void load(Http v1, Http v2) throws InterruptedException {
    for (int i = 0; i < REQUESTS; i++) {
      Http target = i % 2 == 0 ? v1 : v2;
      if (i % 3 == 0) {
        target.post("/api/v1/documents", "text/plain", ("load " + i + " " + System.nanoTime())
            .getBytes(StandardCharsets.UTF_8));
      } else {
        target.get("/api/v1/documents?size=5");
      }
      if (i % 50 == 49) {
        Thread.sleep(Duration.ofMillis(500));
      }
    }
  }

  private static Map<String, Double> byVersion(List<JsonNode> vector) {
    return vector.stream().collect(Collectors.toMap(s -> s.path("metric").path("version").asString(),
        s -> Double.parseDouble(s.path("value").get(1).asString())));
  }
}
