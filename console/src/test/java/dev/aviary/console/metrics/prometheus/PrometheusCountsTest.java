package dev.aviary.console.metrics.prometheus;

import com.sun.net.httpserver.HttpServer;
import dev.aviary.console.metrics.Counts;
import dev.aviary.console.metrics.CountsResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What canary judgment counts, from a stand-in Prometheus that answers each query by what it asks for: requests,
 * errors and latency buckets per version, the buckets' bounds in milliseconds. (The real Prometheus counts in
 * ReleaseWithPrometheusTest.)
 */
class PrometheusCountsTest {

  HttpServer server;
  final List<String> asked = new ArrayList<>();

  PrometheusMetrics answering(Map<String, String> bodyByMetric) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      // Prometheus' HTTP API takes the query as a POSTed form, as the adapter sends it.
      String query = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
          StandardCharsets.UTF_8);
      asked.add(query);
      String body = bodyByMetric.entrySet().stream().filter(e -> query.contains(e.getKey())).map(Map.Entry::getValue)
          .findFirst().orElse(vector());
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return PrometheusMetricsTest.metrics("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Query fragments to answers, matched in the order given (the errors query also names the request counter). */
  static Map<String, String> ordered(String... fragmentsAndAnswers) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < fragmentsAndAnswers.length; i += 2) {
      map.put(fragmentsAndAnswers[i], fragmentsAndAnswers[i + 1]);
    }
    return map;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  static String vector(String... samples) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + String.join(",", samples)
        + "]}}";
  }

  static String sample(String version, String le, String value) {
    return "{\"metric\":{\"service\":\"webapi\",\"version\":\"" + version + "\"" + (le == null ? "" : ",\"le\":\"" + le
        + "\"") + "},\"value\":[1700000000,\"" + value + "\"]}";
  }

  @Test
  void requests_errors_and_buckets_are_counted_per_version_over_the_window_with_bounds_in_milliseconds()
      throws IOException {
    PrometheusMetrics metrics = answering(ordered(
        "status=~\"5..\"", vector(sample("v2", null, "3.2")),
        "_bucket", vector(sample("v2", "0.025", "700"), sample("v2", "0.5", "990.5"), sample("v2", "+Inf", "1000.4"),
            sample("v1", "+Inf", "19000")),
        "http_server_requests_total", vector(sample("v1", null, "19000"), sample("v2", null, "1000.4"))));

    CountsResult result = metrics.counts("webapi", Duration.ofMillis(62_500));

    assertThat(result.failed()).isFalse();
    Counts canary = result.of("v2");
    assertThat(canary.requests()).isEqualTo(1000.4);
    assertThat(canary.errors()).isEqualTo(3.2);
    assertThat(canary.atMostMillis()).containsOnlyKeys(25.0, 500.0, Double.POSITIVE_INFINITY);
    assertThat(canary.slowerThan(500)).isCloseTo(9.9, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(result.of("v1").errors()).as("no error series: no errors").isZero();
    assertThat(result.of("v3")).isEqualTo(Counts.NONE);
    assertThat(asked).hasSize(3).allSatisfy(q -> assertThat(q).contains("[62500ms]").contains("service=\"webapi\""));
  }

  @Test
  void a_count_that_is_not_a_count_fails_the_whole_answer_rather_than_reading_as_zero() throws IOException {
    CountsResult result = answering(ordered("http_server_requests_total", vector(sample("v2", null, "NaN"))))
        .counts("webapi", Duration.ofSeconds(30));

    assertThat(result.failed()).isTrue();
    assertThat(result.failure()).isEqualTo("counting webapi's requests: the requests count is 'NaN', not a count");
  }

  @Test
  void a_bucket_bound_that_is_not_a_number_fails_the_answer() throws IOException {
    CountsResult result = answering(ordered("_bucket", vector(sample("v2", "fast", "10")),
        "http_server_requests_total", vector(sample("v2", null, "10")))).counts("webapi", Duration.ofSeconds(30));

    assertThat(result.failure()).endsWith("a latency bucket's le is 'fast', not a number");
  }
}
