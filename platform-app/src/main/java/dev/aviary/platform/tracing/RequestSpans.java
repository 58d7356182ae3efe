package dev.aviary.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.util.Collections;

/**
 * A server span per API request, continuing the caller's trace from its {@code traceparent} header and named by the
 * matched route ({@code POST /api/v1/documents}). Probes and scrapes are not traced: they would bury the requests.
 */
final class RequestSpans extends OncePerRequestFilter {

  private static final TextMapGetter<HttpServletRequest> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(HttpServletRequest request) {
      return Collections.list(request.getHeaderNames());
    }

    @Override
    public String get(HttpServletRequest request, String key) {
      return request == null ? null : request.getHeader(key);
    }
  };

  private final OpenTelemetryTracing tracing;

  RequestSpans(OpenTelemetryTracing tracing) {
    this.tracing = tracing;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Context caller = tracing.propagator().extract(Context.root(), request, HEADERS);
    Span span = tracing.tracer().spanBuilder(request.getMethod()).setParent(caller).setSpanKind(SpanKind.SERVER)
        .setAttribute("http.request.method", request.getMethod())
        .setAttribute("url.path", request.getRequestURI()).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      MDC.put(OpenTelemetryTracing.TRACE_ID, span.getSpanContext().getTraceId());
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getMessage());
      throw e;
    } finally {
      MDC.remove(OpenTelemetryTracing.TRACE_ID);
      Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
      span.updateName(request.getMethod() + (route == null ? "" : " " + route));
      if (route != null) {
        span.setAttribute("http.route", route.toString());
      }
      span.setAttribute("http.response.status_code", response.getStatus());
      if (response.getStatus() >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
      span.end();
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.equals("/metrics") || path.startsWith("/health/");
  }
}
