package dev.aviary.console.metrics;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What one version served over a window, counted rather than averaged: its requests, the failed ones (5xx), and its
 * latency histogram as Prometheus keeps it, cumulative: each bucket bound in milliseconds (the last one infinite) to
 * the requests that took at most that long.
 */
public record Counts(double requests, double errors, NavigableMap<Double, Double> atMostMillis) {

  public static final Counts NONE = new Counts(0, 0, new TreeMap<>());

  public Counts {
    atMostMillis = Collections.unmodifiableNavigableMap(new TreeMap<>(atMostMillis));
  }

  /** Requests the histogram timed: its infinite bucket, or the request count when there is no histogram. */
  public double timed() {
    Double all = atMostMillis.get(Double.POSITIVE_INFINITY);
    return all == null ? 0 : all;
  }

  /** Timed requests slower than {@code boundMillis}, which must be one of the histogram's bounds. */
  public double slowerThan(double boundMillis) {
    Double atMost = atMostMillis.get(boundMillis);
    if (atMost == null) {
      throw new IllegalArgumentException(boundMillis + " ms is not a bound of this histogram: "
          + atMostMillis.keySet());
    }
    return Math.max(0, timed() - atMost);
  }
}
