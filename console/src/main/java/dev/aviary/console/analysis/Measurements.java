package dev.aviary.console.analysis;

import dev.aviary.console.metrics.Reading;

import java.time.Duration;

/** The golden signals of a release's canary and stable versions over one analysis window, as read. */
public record Measurements(Duration window, Version canary, Version stable) {

  /** One version's readings: error ratio (0..1), p99 latency (ms) and request rate (per second). */
  public record Version(Reading errorRatio, Reading p99Millis, Reading requestRate) {
  }
}
