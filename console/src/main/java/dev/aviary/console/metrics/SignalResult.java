package dev.aviary.console.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * One signal for every service and version, from one query.
 *
 * @param failure    why the whole query failed, or null when it was answered
 * @param unlabelled series the query found that carry no service label, so they cannot count for any service;
 *                   null when there were none
 */
public record SignalResult(Signal signal, Instant at, Map<SeriesKey, Reading> readings, String failure,
                           Unlabelled unlabelled) {

  /**
   * What the source has that no service can be told from: series of {@code metric} without the configured
   * {@code label}, as when Prometheus scrapes the platform without relabeling.
   */
  public record Unlabelled(String metric, String label) {

    /** The diagnosis for one service, e.g. "series for http_server_requests_total exist but none has label service=webapi". */
    public String forService(String service) {
      return "series for " + metric + " exist but none has label " + label + "=" + service;
    }

    /** The diagnosis for the whole source, with what to do about it. */
    public String describe() {
      return "series for " + metric + " exist but none has the label " + label + " that names the service "
          + "(aviary.prometheus.service-label): add it by relabeling, or set the label the series carry";
    }
  }

  public SignalResult(Signal signal, Instant at, Map<SeriesKey, Reading> readings, String failure) {
    this(signal, at, readings, failure, null);
  }

  public SignalResult {
    readings = Map.copyOf(readings);
  }

  public static SignalResult failed(Signal signal, Instant at, String why) {
    return new SignalResult(signal, at, Map.of(), why);
  }

  public boolean ok() {
    return failure == null;
  }

  public Reading reading(SeriesKey key) {
    if (failure != null) {
      return new Reading.Failed(failure);
    }
    Reading r = readings.get(key);
    if (r != null) {
      return r;
    }
    return new Reading.NoData(unlabelled != null ? unlabelled.forService(key.service())
        : "no " + signal.label() + " series for " + key.service() + " " + key.version());
  }
}
