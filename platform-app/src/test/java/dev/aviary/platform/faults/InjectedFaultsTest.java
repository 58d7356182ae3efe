package dev.aviary.platform.faults;

import dev.aviary.platform.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"platform.warmup=0s", "platform.version=v2", "platform.fault-error-rate=1.0",
        "platform.fault-latency=150ms"})
class InjectedFaultsTest {

  static int metricsPort;

  @LocalServerPort
  int port;
  Http http;

  @DynamicPropertySource
  static void metricsPort(DynamicPropertyRegistry registry) throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      metricsPort = socket.getLocalPort();
    }
    registry.add("platform.metrics-port", () -> metricsPort);
  }

  @BeforeEach
  void client() {
    http = new Http("http://localhost:" + port);
  }

  @Test
  void api_requests_are_delayed_and_failed_as_configured_and_counted_under_their_route() {
    long start = System.nanoTime();
    Http.Response response = http.get("/api/v1/documents");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body()).contains("FAULT_ERROR_RATE=1.0");
    assertThat(millis).isGreaterThanOrEqualTo(150);
    assertThat(http.get("/metrics").body()).contains(
        "http_server_requests_total{method=\"GET\",route=\"/api/v1/documents\",status=\"500\",version=\"v2\"}");
  }

  @Test
  void health_and_info_are_never_faulted_and_show_the_faults() {
    assertThat(http.get("/health/ready").status()).isEqualTo(200);
    Http.Response info = http.get("/info");
    assertThat(info.status()).isEqualTo(200);
    assertThat(info.json().path("faults").path("errorRate").asDouble()).isEqualTo(1.0);
    assertThat(info.json().path("faults").path("latencyMs").asLong()).isEqualTo(150);
  }

  @Test
  void metrics_are_also_served_on_their_own_port_when_one_is_set() {
    http.get("/api/v1/documents");
    Http.Response metrics = new Http("http://localhost:" + metricsPort).get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("processing_queue_capacity{version=\"v2\"}")
        .contains("http_server_requests_total{method=\"GET\",route=\"/api/v1/documents\",status=\"500\"");
  }
}
