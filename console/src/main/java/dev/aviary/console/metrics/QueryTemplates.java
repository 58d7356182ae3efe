package dev.aviary.console.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL behind each signal. A template answers for all services at once, grouped by the service and version
 * labels, and holds two placeholders: {@code {window}} (a range such as {@code 60s}) and {@code {filter}}, which
 * becomes {@code ,<serviceLabel>="<name>"} when one service is asked for and nothing otherwise, so it goes inside a
 * selector that already has a matcher.
 */
public record QueryTemplates(String serviceLabel, String versionLabel, Map<Signal, String> queries) {

  public enum Preset { ISTIO, PLATFORM }

  private static final String ISTIO_BY = "destination_service_name, destination_version";
  private static final String ISTIO_REQUESTS = "istio_requests_total{reporter=\"destination\"{filter}}";
  private static final String PLATFORM_BY = "service, version";
  /** A metric name followed by its selector's brace, as in {@code istio_requests_total{reporter="destination"}}. */
  private static final Pattern METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
  private static final String PLATFORM_REQUESTS = "http_server_requests_total{route=~\"/api/.*\"{filter}}";

  public QueryTemplates {
    queries = Map.copyOf(queries);
    for (Signal s : Signal.values()) {
      String q = queries.get(s);
      if (q == null || !q.contains("{window}") || !q.contains("{filter}")) {
        throw new IllegalArgumentException("the query for " + s.label() + " must contain {window} and {filter}, got: "
            + q);
      }
    }
  }

  static QueryTemplates of(Preset preset, String serviceLabel, String versionLabel, Map<Signal, String> overrides) {
    Map<Signal, String> queries = new EnumMap<>(preset == Preset.ISTIO ? istio() : platform());
    queries.putAll(overrides);
    boolean istio = preset == Preset.ISTIO;
    return new QueryTemplates(serviceLabel.isBlank() ? istio ? "destination_service_name" : "service" : serviceLabel,
        versionLabel.isBlank() ? istio ? "destination_version" : "version" : versionLabel, queries);
  }

  private static Map<Signal, String> istio() {
    return preset(ISTIO_BY, ISTIO_REQUESTS, ISTIO_REQUESTS.replace("\"destination\"",
        "\"destination\",response_code=~\"5..\""), "",
        "istio_request_duration_milliseconds_bucket{reporter=\"destination\"{filter}}");
  }

  private static Map<Signal, String> platform() {
    return preset(PLATFORM_BY, PLATFORM_REQUESTS, PLATFORM_REQUESTS.replace("\"/api/.*\"",
        "\"/api/.*\",status=~\"5..\""), "1000 * ",
        "http_server_request_duration_seconds_bucket{route=~\"/api/.*\"{filter}}");
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
    String filter = service == null ? "" : "," + serviceLabel + "=\"" + escape(service) + "\"";
    return queries.get(signal).replace("{window}", window.toSeconds() + "s").replace("{filter}", filter);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
