package dev.aviary.platform.metrics;

import dev.aviary.platform.PlatformProperties;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * The metrics on a port of their own when {@code METRICS_PORT} is set. In the mesh the API port is STRICT mTLS, which
 * a Prometheus outside the mesh cannot scrape; the manifests exempt only this port (see peer-authentication.yaml).
 */
@Component
class MetricsPort implements AutoCloseable {

  private final PlatformProperties properties;
  private final PlatformMetrics metrics;
  private final PrometheusTextFormatWriter format = PrometheusTextFormatWriter.create();
  private HttpServer server;

  MetricsPort(PlatformProperties properties, PlatformMetrics metrics) {
    this.properties = properties;
    this.metrics = metrics;
  }

  @EventListener(ApplicationReadyEvent.class)
  synchronized void start() {
    if (properties.metricsPort() == 0 || server != null) {
      return;
    }
    try {
      server = HttpServer.create(new InetSocketAddress(properties.metricsPort()), 16);
      server.createContext(MetricsConfiguration.METRICS_PATH, this::scrape);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on port " + properties.metricsPort(), e);
    }
  }

  private void scrape(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", format.getContentType());
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream body = exchange.getResponseBody()) {
        format.write(body, metrics.registry().scrape());
      }
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }
}
