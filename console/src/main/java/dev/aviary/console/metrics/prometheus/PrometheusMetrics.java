package dev.aviary.console.metrics.prometheus;

import dev.aviary.console.metrics.CountsResult;
import dev.aviary.console.metrics.MetricsProperties;
import dev.aviary.console.metrics.MetricsSource;
import dev.aviary.console.metrics.QueryTemplates;
import dev.aviary.console.metrics.RangeResult;
import dev.aviary.console.metrics.Reading;
import dev.aviary.console.metrics.SeriesKey;
import dev.aviary.console.metrics.Signal;
import dev.aviary.console.metrics.SignalResult;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Golden signals from Prometheus' HTTP API, one instant query per signal for all services. Every way a query can
 * go wrong (no answer in time, 4xx, 5xx, an error status, an unexpected result type) becomes a failed result that
 * says so; a NaN sample (0/0: no requests) becomes "no data" and an infinite one a failed reading, never a zero.
 */
public final class PrometheusMetrics implements MetricsSource {

  private final PrometheusHttp http;
  private final QueryTemplates templates;
  private final PrometheusCounts counts;
  private final Clock clock;

  public PrometheusMetrics(MetricsProperties properties, Clock clock) {
    this.http = new PrometheusHttp(properties.url(), properties.timeout());
    this.templates = properties.templates();
    this.counts = new PrometheusCounts(http, templates);
    this.clock = clock;
  }

  @Override
  public String description() {
    return "Prometheus at " + http.base();
  }

  @Override
  public boolean simulated() {
    return false;
  }

  @Override
  public SignalResult instant(Signal signal, Duration window) {
    Instant at = clock.instant();
    String query = templates.render(signal, window, null);
    try {
      JsonNode data = http.get("/api/v1/query", Map.of("query", query, "time", seconds(at)), "vector");
      Map<SeriesKey, Reading> readings = new HashMap<>();
      int unlabelled = 0;
      for (JsonNode sample : data.path("result")) {
        Optional<SeriesKey> key = key(sample);
        if (key.isPresent()) {
          readings.put(key.get(), reading(signal, window, sample.path("value").get(1).asString()));
        } else {
          unlabelled++;
        }
      }
      return new SignalResult(signal, at, readings, null, unlabelled == 0 ? null
          : new SignalResult.Unlabelled(templates.metric(signal), templates.serviceLabel()));
    } catch (PrometheusHttp.QueryFailed e) {
      return SignalResult.failed(signal, at, signal.label() + ": " + e.getMessage());
    }
  }

  @Override
  public RangeResult range(Signal signal, String service, Duration window, Instant from, Instant to, Duration step) {
    String query = templates.render(signal, window, service);
    try {
      JsonNode data = http.get("/api/v1/query_range", Map.of("query", query, "start", seconds(from),
          "end", seconds(to), "step", step.toSeconds() + "s"), "matrix");
      Map<String, List<RangeResult.Point>> byVersion = new LinkedHashMap<>();
      for (JsonNode series : data.path("result")) {
        String version = series.path("metric").path(templates.versionLabel()).asString("");
        List<RangeResult.Point> points = new ArrayList<>();
        for (JsonNode value : series.path("values")) {
          points.add(new RangeResult.Point(Instant.ofEpochMilli(Math.round(value.get(0).asDouble() * 1000)),
              finiteOrNaN(value.get(1).asString())));
        }
        byVersion.put(version, points);
      }
      return new RangeResult(signal, service, byVersion, null);
    } catch (PrometheusHttp.QueryFailed e) {
      return RangeResult.failed(signal, service, signal.label() + ": " + e.getMessage());
    }
  }

  @Override
  public CountsResult counts(String service, Duration window) {
    return counts.read(service, window, clock.instant());
  }

  private Optional<SeriesKey> key(JsonNode sample) {
    JsonNode metric = sample.path("metric");
    String service = metric.path(templates.serviceLabel()).asString("");
    String version = metric.path(templates.versionLabel()).asString("");
    return service.isEmpty() ? Optional.empty() : Optional.of(new SeriesKey(service, version));
  }

  static Reading reading(Signal signal, Duration window, String value) {
    double v;
    try {
      v = parse(value);
    } catch (NumberFormatException e) {
      return new Reading.Failed("Prometheus answered '" + value + "', not a number");
    }
    if (Double.isNaN(v)) {
      return new Reading.NoData("no requests in the last " + window.toSeconds() + " s");
    }
    if (Double.isInfinite(v)) {
      return new Reading.Failed(signal.label() + " is " + value + ": beyond the largest histogram bucket or a division"
          + " by zero");
    }
    return new Reading.Value(v);
  }

  /** Prometheus spells the special values "NaN", "+Inf" and "-Inf", which Java does not read by itself. */
  private static double parse(String value) {
    return switch (value) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(value);
    };
  }

  /** In a chart a point that is not a finite number is a gap. */
  private static double finiteOrNaN(String value) {
    try {
      double v = parse(value);
      return Double.isFinite(v) ? v : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  static String seconds(Instant at) {
    return String.format(java.util.Locale.ROOT, "%.3f", at.toEpochMilli() / 1000.0);
  }
}
