package dev.aviary.platform.tracing;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A collector's OTLP/HTTP endpoint ({@code POST /v1/traces}, protobuf) on a free port, keeping every span it is sent
 * with its resource's attributes, as Jaeger's collector would receive them.
 */
final class OtlpReceiver implements AutoCloseable {

  /** A received span, ids in hex as the W3C header writes them. */
  record Received(String traceId, String spanId, String parentSpanId, String name, Span.SpanKind kind,
                  Map<String, String> attributes, Map<String, String> resource) {
  }

  private final HttpServer server;
  private final List<Received> spans = new CopyOnWriteArrayList<>();

  OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/traces", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        boolean protobuf = "application/x-protobuf".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
        int status = protobuf && "POST".equals(exchange.getRequestMethod()) ? 200 : 415;
        if (status == 200) {
          keep(ExportTraceServiceRequest.parseFrom(body));
        }
        byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
        exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
      } finally {
        exchange.close();
      }
    });
    server.start();
  }

  /** The base URL, as {@code OTEL_EXPORTER_OTLP_ENDPOINT} takes it. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Received> spans() {
    return List.copyOf(spans);
  }

  private void keep(ExportTraceServiceRequest request) {
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      Map<String, String> resource = attributes(resourceSpans.getResource().getAttributesList());
      for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
        for (Span span : scope.getSpansList()) {
          spans.add(new Received(hex(span.getTraceId().toByteArray()), hex(span.getSpanId().toByteArray()),
              hex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind(),
              attributes(span.getAttributesList()), resource));
        }
      }
    }
  }

  private static Map<String, String> attributes(List<KeyValue> attributes) {
    return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().hasIntValue()
        ? Long.toString(kv.getValue().getIntValue()) : kv.getValue().getStringValue(), (a, b) -> b));
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
