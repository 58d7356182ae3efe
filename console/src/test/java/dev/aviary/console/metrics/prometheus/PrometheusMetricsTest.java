package dev.aviary.console.metrics.prometheus;

import com.sun.net.httpserver.HttpServer;
import dev.aviary.console.metrics.MetricsProperties;
import dev.aviary.console.metrics.QueryTemplates;
import dev.aviary.console.metrics.Reading;
import dev.aviary.console.metrics.SeriesKey;
import dev.aviary.console.metrics.Signal;
import dev.aviary.console.metrics.SignalResult;
import dev.aviary.testsupport.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every way Prometheus can answer badly, from a stand-in HTTP server: each becomes a failed result in words, and
 * NaN or infinite samples never become numbers. (The real Prometheus is in OverviewWithPrometheusTest.)
 */
class PrometheusMetricsTest {

  HttpServer server;

  PrometheusMetrics answering(int status, String body, Duration delay) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return metrics("http://127.0.0.1:" + server.getAddress().getPort());
  }

  static PrometheusMetrics metrics(String url) {
    return new PrometheusMetrics(new MetricsProperties(URI.create(url), Duration.ofMillis(500), Duration.ofMinutes(1),
        Duration.ofSeconds(10), QueryTemplates.Preset.PLATFORM, "", "", Map.of(), Map.of(), null), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  static String vector(String version, String value) {
    return """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"service":"webapi","version":"%s"},"value":[1764000000.0,"%s"]}]}}""".formatted(version, value);
  }

  @Test
  void a_sample_becomes_a_value_keyed_by_service_and_version() throws IOException {
    SignalResult result = answering(200, vector("v2", "0.31"), Duration.ZERO).instant(Signal.ERROR_RATIO,
        Duration.ofMinutes(1));

    assertThat(result.ok()).isTrue();
    assertThat(result.reading(new SeriesKey("webapi", "v2"))).isEqualTo(new Reading.Value(0.31));
    assertThat(result.reading(new SeriesKey("webapi", "v1"))).isInstanceOf(Reading.NoData.class);
  }

  @ParameterizedTest
  @CsvSource({"NaN,NoData,no requests in the last 60 s", "+Inf,Failed,beyond the largest histogram bucket"})
  void nan_is_no_data_and_infinity_a_failed_reading_never_a_number(String value, String kind, String why)
      throws IOException {
    Reading r = answering(200, vector("v1", value), Duration.ZERO).instant(Signal.P99_LATENCY, Duration.ofMinutes(1))
        .reading(new SeriesKey("webapi", "v1"));

    assertThat(r.getClass().getSimpleName()).isEqualTo(kind);
    assertThat(r.toString()).contains(why);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "400|{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 5\"}|answered 400 bad_data: parse error at char 5",
      "503|{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}|answered 503 timeout: query timed out",
      "502|<html>Bad Gateway</html>|answered 502 with a body that is not JSON: <html>Bad Gateway</html>",
      "200|{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}|answered a matrix where a vector was expected"})
  void an_error_answer_fails_the_whole_signal_and_says_why(int status, String body, String why) throws IOException {
    SignalResult result = answering(status, body, Duration.ZERO).instant(Signal.REQUEST_RATE, Duration.ofMinutes(1));

    assertThat(result.ok()).isFalse();
    assertThat(result.failure()).startsWith("request rate: ").contains(why);
    assertThat(result.reading(new SeriesKey("webapi", "v1"))).isInstanceOf(Reading.Failed.class);
  }

  @Test
  void an_answer_slower_than_the_timeout_fails() throws IOException {
    SignalResult result = answering(200, vector("v1", "1"), Duration.ofSeconds(2)).instant(Signal.REQUEST_RATE,
        Duration.ofMinutes(1));

    assertThat(result.failure()).contains("did not answer within 500 ms");
  }

  @Test
  void nothing_listening_fails_with_the_address_and_no_credentials() {
    SignalResult result = metrics("http://user:secret@127.0.0.1:" + Ports.NOTHING_LISTENS).instant(Signal.REQUEST_RATE,
        Duration.ofMinutes(1));

    assertThat(result.failure()).contains("cannot connect to Prometheus at http://127.0.0.1:").doesNotContain("secret");
  }

  @Test
  void a_url_that_is_not_http_is_refused_at_start_up() {
    assertThatThrownBy(() -> metrics("file:///etc/passwd")).hasMessageContaining(
        "aviary.prometheus.url must be an http:// or https:// URL");
  }

  @Test
  void one_service_is_asked_for_with_its_label_escaped() {
    QueryTemplates templates = new MetricsProperties(null, Duration.ofSeconds(5), Duration.ofMinutes(1),
        Duration.ofSeconds(10), QueryTemplates.Preset.ISTIO, "", "", Map.of(), Map.of(), null).templates();

    assertThat(templates.render(Signal.REQUEST_RATE, Duration.ofMinutes(5), "web\"api")).isEqualTo(
        "sum by (destination_service_name, destination_version) (rate(istio_requests_total{reporter=\"destination\","
            + "destination_service_name=\"web\\\"api\"}[300s]))");
  }
}
