package dev.aviary.console.metrics.prometheus;

import dev.aviary.console.metrics.Counts;
import dev.aviary.console.metrics.CountsResult;
import dev.aviary.console.metrics.QueryTemplates;
import dev.aviary.console.metrics.QueryTemplates.Count;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One service's counts per version from three instant queries: increases of requests, of errors and of the latency
 * buckets over the window. A version with requests but no error series had no errors; a bucket bound that is not a
 * number, or a count that is not a finite number, fails the whole answer rather than being read as zero.
 */
final class PrometheusCounts {

  private final PrometheusHttp http;
  private final QueryTemplates templates;

  PrometheusCounts(PrometheusHttp http, QueryTemplates templates) {
    this.http = http;
    this.templates = templates;
  }

  CountsResult read(String service, Duration window, Instant at) {
    try {
      Map<String, Double> requests = byVersion(query(Count.REQUESTS, service, window, at), "requests");
      Map<String, Double> errors = byVersion(query(Count.ERRORS, service, window, at), "errors");
      Map<String, TreeMap<Double, Double>> buckets = new HashMap<>();
      for (JsonNode sample : query(Count.LATENCY_BUCKETS, service, window, at)) {
        double bound = bound(sample.path("metric").path("le").asString(""));
        buckets.computeIfAbsent(version(sample), v -> new TreeMap<>()).merge(bound, count(sample, "latency"),
            Double::sum);
      }
      Map<String, Counts> counts = new HashMap<>();
      requests.forEach((version, n) -> counts.put(version, new Counts(n, errors.getOrDefault(version, 0.0),
          buckets.getOrDefault(version, new TreeMap<>()))));
      return new CountsResult(counts, null);
    } catch (PrometheusHttp.QueryFailed e) {
      return CountsResult.failed("counting " + service + "'s requests: " + e.getMessage());
    }
  }

  private JsonNode query(Count count, String service, Duration window, Instant at) {
    return http.get("/api/v1/query", Map.of("query", templates.render(count, window, service), "time",
        PrometheusMetrics.seconds(at)), "vector").path("result");
  }

  private Map<String, Double> byVersion(JsonNode result, String what) {
    Map<String, Double> counts = new HashMap<>();
    for (JsonNode sample : result) {
      counts.merge(version(sample), count(sample, what), Double::sum);
    }
    return counts;
  }

  private String version(JsonNode sample) {
    return sample.path("metric").path(templates.versionLabel()).asString("");
  }

  private static double count(JsonNode sample, String what) {
    String value = sample.path("value").path(1).asString("");
    double v;
    try {
      v = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!Double.isFinite(v) || v < 0) {
      throw new PrometheusHttp.QueryFailed("the " + what + " count is '" + value + "', not a count");
    }
    return v;
  }

  private double bound(String le) {
    if ("+Inf".equals(le)) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      // Rounded to a microsecond so that 0.025 s reads as 25 ms, not 25.000000000000004.
      return Math.round(Double.parseDouble(le) * templates.bucketUnitMillis() * 1000) / 1000.0;
    } catch (NumberFormatException e) {
      throw new PrometheusHttp.QueryFailed("a latency bucket's le is '" + le + "', not a number");
    }
  }
}
