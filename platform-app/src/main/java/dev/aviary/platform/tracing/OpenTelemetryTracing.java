package dev.aviary.platform.tracing;

import dev.aviary.platform.documents.Tracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@link Tracing} on the OpenTelemetry SDK: spans with W3C trace context, the trace id in the logs' MDC. */
final class OpenTelemetryTracing implements Tracing {

  static final String TRACE_ID = "trace_id";
  private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  OpenTelemetryTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("dev.aviary.platform");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  Tracer tracer() {
    return tracer;
  }

  TextMapPropagator propagator() {
    return propagator;
  }

  @Override
  public String traceParent() {
    if (!Span.current().getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    propagator.inject(Context.current(), carrier, Map::put);
    return carrier.get("traceparent");
  }

  @Override
  public <T> T trace(String name, String parent, Supplier<T> work) {
    Context from = parent == null ? Context.root()
        : propagator.extract(Context.root(), Map.of("traceparent", parent), MAP);
    return inSpan(tracer.spanBuilder(name).setParent(from).setSpanKind(SpanKind.CONSUMER).startSpan(), work);
  }

  @Override
  public <T> T step(String name, Supplier<T> work) {
    if (!Span.current().getSpanContext().isValid()) {
      return work.get();
    }
    return inSpan(tracer.spanBuilder(name).startSpan(), work);
  }

  /** Runs {@code work} with {@code span} current and its trace id in the MDC, and ends the span, failed or not. */
  static <T> T inSpan(Span span, Supplier<T> work) {
    String outerTraceId = MDC.get(TRACE_ID);
    try (Scope ignored = span.makeCurrent()) {
      MDC.put(TRACE_ID, span.getSpanContext().getTraceId());
      return work.get();
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getMessage());
      throw e;
    } finally {
      span.end();
      if (outerTraceId == null) {
        MDC.remove(TRACE_ID);
      } else {
        MDC.put(TRACE_ID, outerTraceId);
      }
    }
  }
}
