package dev.aviary.platform.metrics;

import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;

/** {@code /metrics} in the Prometheus text format, and a filter timing every other request. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

  static final String METRICS_PATH = "/metrics";

  @Bean
  ServletRegistrationBean<PrometheusMetricsServlet> metricsServlet(PlatformMetrics metrics) {
    return new ServletRegistrationBean<>(new PrometheusMetricsServlet(metrics.registry()), METRICS_PATH);
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> requestMetrics(PlatformMetrics metrics) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        long start = System.nanoTime();
        try {
          chain.doFilter(request, response);
        } finally {
          metrics.request(route(request), request.getMethod(), response.getStatus(),
              (System.nanoTime() - start) / 1e9);
        }
      }

      @Override
      protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().equals(METRICS_PATH);
      }
    });
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** The matched route template ({@code /api/v1/documents/{id}}), never the raw path, to keep label values few. */
  private static String route(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    return pattern == null ? "unmatched" : pattern.toString();
  }
}
