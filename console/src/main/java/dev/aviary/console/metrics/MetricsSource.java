package dev.aviary.console.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * Where golden signals come from: Prometheus in a real installation, a traffic model in the sandbox. One query per
 * signal answers for every service and version at once, so the cost does not grow with the number of services.
 * Implementations never throw for an unreachable or misbehaving source; they answer with a failed result.
 */
public interface MetricsSource {

  /** Where the figures come from, for the operator ("Prometheus at http://...", "simulated by the sandbox"). */
  String description();

  /** True when the figures are made up by a model, not measured. */
  boolean simulated();

  /** The signal over the trailing {@code window}, by service and version. */
  SignalResult instant(Signal signal, Duration window);

  /** One service's signal from {@code from} to {@code to}, a point every {@code step}, each over {@code window}. */
  RangeResult range(Signal signal, String service, Duration window, Instant from, Instant to, Duration step);

  /**
   * What each version of one service served over the trailing {@code window}, counted: the increases of its request
   * and error counters and latency buckets, which canary judgment accumulates from the moment the canary started.
   */
  CountsResult counts(String service, Duration window);

  /** A source another feature offers for when no Prometheus is configured (the sandbox's traffic model). */
  interface Fallback extends MetricsSource {
  }
}
