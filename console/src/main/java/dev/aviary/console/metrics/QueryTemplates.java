package dev.aviary.console.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL behind each signal. A template answers for all services at once, grouped by the service and version
 * labels, and holds two placeholders: {@code {window}} (a range such as {@code 60s}) and {@code {filter}}, which
 * becomes {@code ,<serviceLabel>="<name>"} when one service is asked for and nothing otherwise, so it goes inside a
 * selector that already has a matcher.
 */
public record QueryTemplates(String serviceLabel, String versionLabel, Map<Signal, String> queries,
                             Map<Count, String> counts, double bucketUnitMillis) {

  public enum Preset { ISTIO, PLATFORM }

  /**
   * What a canary's judgment counts since the canary started: {@code increase()} of the request counter, of its 5xx
   * part, and of the latency histogram's buckets (grouped by {@code le} too), per service and version.
   */
  public enum Count { REQUESTS, ERRORS, LATENCY_BUCKETS }

  private static final String ISTIO_BY = "destination_service_name, destination_version";
  private static final String ISTIO_REQUESTS = "istio_requests_total{reporter=\"destination\"{filter}}";
  private static final String PLATFORM_BY = "service, version";
  /** A metric name followed by its selector's brace, as in {@code istio_requests_total{reporter="destination"}}. */
  private static final Pattern METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
  private static final String PLATFORM_REQUESTS = "http_server_requests_total{route=~\"/api/.*\"{filter}}";
  private static final String ISTIO_BUCKETS =
      "istio_request_duration_milliseconds_bucket{reporter=\"destination\"{filter}}";
  private static final String PLATFORM_BUCKETS = "http_server_request_duration_seconds_bucket{route=~\"/api/.*\"{filter}}";
  private static final String ISTIO_ERRORS = ISTIO_REQUESTS.replace("\"destination\"",
      "\"destination\",response_code=~\"5..\"");
  private static final String PLATFORM_ERRORS = PLATFORM_REQUESTS.replace("\"/api/.*\"", "\"/api/.*\",status=~\"5..\"");

  public QueryTemplates {
    queries = Map.copyOf(queries);
    counts = Map.copyOf(counts);
    for (Signal s : Signal.values()) {
      placeholders(queries.get(s), s.label());
    }
    for (Count c : Count.values()) {
      placeholders(counts.get(c), "counting " + c.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    if (!(bucketUnitMillis > 0)) {
      throw new IllegalArgumentException("aviary.prometheus.bucket-unit-ms must be positive, got " + bucketUnitMillis);
    }
  }

  private static void placeholders(String query, String what) {
    if (query == null || !query.contains("{window}") || !query.contains("{filter}")) {
      throw new IllegalArgumentException("the query for " + what + " must contain {window} and {filter}, got: "
          + query);
    }
  }

  static QueryTemplates of(Preset preset, String serviceLabel, String versionLabel, Map<Signal, String> overrides,
                           Map<Count, String> countOverrides, Double bucketUnitMillis) {
    boolean istio = preset == Preset.ISTIO;
    Map<Signal, String> queries = new EnumMap<>(istio ? istio() : platform());
    queries.putAll(overrides);
    Map<Count, String> counts = new EnumMap<>(istio ? counts(ISTIO_BY, ISTIO_REQUESTS, ISTIO_ERRORS, ISTIO_BUCKETS)
        : counts(PLATFORM_BY, PLATFORM_REQUESTS, PLATFORM_ERRORS, PLATFORM_BUCKETS));
    counts.putAll(countOverrides);
    return new QueryTemplates(serviceLabel.isBlank() ? istio ? "destination_service_name" : "service" : serviceLabel,
        versionLabel.isBlank() ? istio ? "destination_version" : "version" : versionLabel, queries, counts,
        bucketUnitMillis != null ? bucketUnitMillis : istio ? 1 : 1000);
  }

  private static Map<Signal, String> istio() {
    return preset(ISTIO_BY, ISTIO_REQUESTS, ISTIO_ERRORS, "", ISTIO_BUCKETS);
  }

  private static Map<Signal, String> platform() {
    return preset(PLATFORM_BY, PLATFORM_REQUESTS, PLATFORM_ERRORS, "1000 * ", PLATFORM_BUCKETS);
  }

  /** Increases since the canary started rather than rates: what sequential judgment needs. */
  private static Map<Count, String> counts(String by, String requests, String errors, String buckets) {
    return Map.of(
        Count.REQUESTS, "sum by (" + by + ") (increase(" + requests + "[{window}]))",
        Count.ERRORS, "sum by (" + by + ") (increase(" + errors + "[{window}]))",
        Count.LATENCY_BUCKETS, "sum by (" + by + ", le) (increase(" + buckets + "[{window}]))");
  }

  /** @param toMillis what turns the latency histogram's unit into milliseconds */
  private static Map<Signal, String> preset(String by, String requests, String errors, String toMillis,
                                            String latencyBuckets) {
    return Map.of(
        Signal.REQUEST_RATE, "sum by (" + by + ") (rate(" + requests + "[{window}]))",
        Signal.ERROR_RATIO, ratio(by, errors, requests),
        Signal.P99_LATENCY, toMillis + "histogram_quantile(0.99, sum by (" + by + ", le) (rate(" + latencyBuckets
            + "[{window}])))");
  }

  /**
   * Errors over requests. A version without any 5xx has no error series at all, so "or requests * 0" gives it a
   * ratio of 0 when it had requests, and 0/0 = NaN (no data) when it had none.
   */
  private static String ratio(String by, String errors, String requests) {
    String total = "sum by (" + by + ") (rate(" + requests + "[{window}]))";
    return "(sum by (" + by + ") (rate(" + errors + "[{window}])) or " + total + " * 0) / " + total;
  }

  /** The first metric a signal's query selects ({@code http_server_requests_total}), to name it in a diagnosis. */
  public String metric(Signal signal) {
    Matcher m = METRIC.matcher(queries.get(signal));
    return m.find() ? m.group(1) : signal.label();
  }

  /** The query for a signal over {@code window}, for every service or, given one, for that service only. */
  public String render(Signal signal, Duration window, String service) {
    return fill(queries.get(signal), window.toSeconds() + "s", service);
  }

  /** The query counting {@code count} over {@code window} (to the millisecond) for one service. */
  public String render(Count count, Duration window, String service) {
    return fill(counts.get(count), window.toMillis() + "ms", service);
  }

  private String fill(String template, String window, String service) {
    String filter = service == null ? "" : "," + serviceLabel + "=\"" + escape(service) + "\"";
    return template.replace("{window}", window).replace("{filter}", filter);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
