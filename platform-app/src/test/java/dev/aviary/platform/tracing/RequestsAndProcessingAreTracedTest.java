package dev.aviary.platform.tracing;

import dev.aviary.platform.Http;
import dev.aviary.platform.PlatformProcess;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** platform-app exporting its spans over OTLP/HTTP to a receiver in the test, as it would to Jaeger's collector. */
class RequestsAndProcessingAreTracedTest {

  @TempDir
  Path dir;

  @Test
  void an_upload_and_its_processing_are_one_trace_with_the_version_on_every_span() throws Exception {
    Path log = dir.resolve("platform.log");
    try (OtlpReceiver collector = new OtlpReceiver();
         PlatformProcess app = PlatformProcess.start(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
             "APP_VERSION", "v7", "APP_SERVICE", "webapi", "WARMUP", "0s",
             "LOGGING_LEVEL_DEV_AVIARY_PLATFORM_DOCUMENTS", "DEBUG"), log)) {
      Http.Response accepted = app.http().post("/api/v1/documents", "text/plain",
          "Every request leaves a trace that names its version.".getBytes(StandardCharsets.UTF_8));
      assertThat(accepted.status()).isEqualTo(202);

      await().atMost(Duration.ofSeconds(15)).until(() -> collector.spans().stream()
          .anyMatch(s -> s.name().equals("analyze text")));
      OtlpReceiver.Received request = collector.spans().stream()
          .filter(s -> s.name().equals("POST /api/v1/documents")).findFirst().orElseThrow();
      assertThat(request.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
      assertThat(request.attributes()).containsEntry("http.route", "/api/v1/documents")
          .containsEntry("http.response.status_code", "202");
      OtlpReceiver.Received processing = collector.spans().stream()
          .filter(s -> s.name().equals("process document")).findFirst().orElseThrow();
      assertThat(processing.traceId()).as("processing continues the upload's trace").isEqualTo(request.traceId());
      assertThat(processing.parentSpanId()).isEqualTo(request.spanId());
      assertThat(collector.spans()).filteredOn(s -> s.name().matches("extract text|analyze text"))
          .hasSize(2).allSatisfy(step -> assertThat(step.parentSpanId()).isEqualTo(processing.spanId()));
      assertThat(collector.spans()).allSatisfy(span -> assertThat(span.resource())
          .containsEntry("service.version", "v7").containsEntry("service.name", "webapi"));
      assertThat(collector.spans()).as("probes are not traced")
          .noneMatch(s -> s.attributes().getOrDefault("url.path", "").startsWith("/health"));

      await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(log).lines()
          .anyMatch(line -> line.contains("[" + request.traceId() + "]") && line.contains("processed")));
    }
  }
}
