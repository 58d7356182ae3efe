package dev.aviary.platform.metrics;

import dev.aviary.platform.PlatformProperties;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.springframework.stereotype.Component;

import java.util.function.IntSupplier;

/**
 * The service's Prometheus metrics. Every series carries {@code version}, so canary analysis can compare versions
 * with one query. Request latency is a classic histogram, which {@code histogram_quantile} reads.
 */
@Component
public class PlatformMetrics {

  private static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private static final double[] STORE_BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
      2.5};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final String version;
  private final Counter requests;
  private final Histogram latency;
  private final Counter processed;
  private final Counter failed;
  private final Histogram storeLatency;
  private final Counter storeErrors;

  public PlatformMetrics(PlatformProperties properties) {
    this.version = properties.version();
    requests = Counter.builder().name("http_server_requests").help("HTTP requests served")
        .labelNames("route", "method", "status", "version").register(registry);
    latency = Histogram.builder().name("http_server_request_duration_seconds").help("HTTP request latency")
        .unit(null).classicOnly().classicUpperBounds(LATENCY_BUCKETS)
        .labelNames("route", "method", "status", "version").register(registry);
    processed = Counter.builder().name("documents_processed").help("Documents processed successfully")
        .labelNames("type", "version").register(registry);
    failed = Counter.builder().name("documents_failed").help("Documents whose processing failed")
        .labelNames("type", "version").register(registry);
    storeLatency = Histogram.builder().name("store_operation_duration_seconds")
        .help("Time spent in PostgreSQL and Redis calls, failed ones included").unit(null).classicOnly()
        .classicUpperBounds(STORE_BUCKETS).labelNames("store", "operation", "version").register(registry);
    storeErrors = Counter.builder().name("store_operation_errors").help("PostgreSQL and Redis calls that failed")
        .labelNames("store", "operation", "version").register(registry);
    JvmMetrics.builder().register(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  public void request(String route, String method, int status, double seconds) {
    String code = Integer.toString(status);
    requests.labelValues(route, method, code, version).inc();
    latency.labelValues(route, method, code, version).observe(seconds);
  }

  public void processed(String type) {
    processed.labelValues(type, version).inc();
  }

  public void failed(String type) {
    failed.labelValues(type, version).inc();
  }

  /** One call to a store ({@code postgresql}, {@code redis}) and whether it failed. */
  public void storeCall(String store, String operation, double seconds, boolean failed) {
    storeLatency.labelValues(store, operation, version).observe(seconds);
    if (failed) {
      storeErrors.labelValues(store, operation, version).inc();
    }
  }

  public void queue(IntSupplier depth, int capacity) {
    GaugeWithCallback.builder().name("processing_queue_depth").help("Documents waiting for a worker")
        .labelNames("version").callback(cb -> cb.call(depth.getAsInt(), version)).register(registry);
    GaugeWithCallback.builder().name("processing_queue_capacity").help("Places in the processing queue")
        .labelNames("version").callback(cb -> cb.call(capacity, version)).register(registry);
  }
}
