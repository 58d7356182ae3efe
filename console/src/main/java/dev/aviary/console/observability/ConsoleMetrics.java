package dev.aviary.console.observability;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The console's own metrics, with the Prometheus Java client: features register their counters on the one registry
 * here, and Prometheus scrapes them at {@code /actuator/prometheus}, on the management port where one is set (the
 * installation's 8081, which the Ingress does not expose).
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleMetrics {

  @Bean
  public PrometheusRegistry consoleMetricsRegistry() {
    return new PrometheusRegistry();
  }

  @Bean
  PrometheusEndpoint prometheusEndpoint(PrometheusRegistry registry) {
    return new PrometheusEndpoint(registry);
  }

  /** The registry in Prometheus' text format, version 0.0.4. */
  @WebEndpoint(id = "prometheus")
  static final class PrometheusEndpoint {

    private static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private final PrometheusRegistry registry;

    PrometheusEndpoint(PrometheusRegistry registry) {
      this.registry = registry;
    }

    @ReadOperation(produces = TEXT)
    public String scrape() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
