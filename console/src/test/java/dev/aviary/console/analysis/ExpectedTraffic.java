package dev.aviary.console.analysis;

import dev.aviary.console.metrics.Counts;
import dev.aviary.console.metrics.Reading;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Counts and measurements of a canary and its stable as a steady traffic would give them, for the judges' tests. */
public final class ExpectedTraffic {

  private ExpectedTraffic() {
  }

  /**
   * Expected counts: the stable at 400 requests a second failing 0.1%, the canary at {@code canaryRate} failing
   * {@code canaryErrors}; both with the same latency (half within 25 ms, all within 250 ms).
   */
  public static CanaryCounts counting(Duration counted, Duration timed, double canaryErrors, double canaryRate) {
    double seconds = counted.toMillis() / 1000.0;
    double timedSeconds = Math.max(0, timed.toMillis() / 1000.0);
    return new CanaryCounts(new Counts(canaryRate * seconds, canaryRate * seconds * canaryErrors, new TreeMap<>()),
        new Counts(400 * seconds, 400 * seconds * 0.001, new TreeMap<>()), histogram(canaryRate * timedSeconds),
        histogram(400 * timedSeconds), timedSeconds == 0, null);
  }

  public static Counts histogram(double requests) {
    return new Counts(requests, 0, new TreeMap<>(Map.of(25.0, requests / 2, 50.0, requests * 0.9, 100.0,
        requests * 0.995, 250.0, requests, 500.0, requests, Double.POSITIVE_INFINITY, requests)));
  }

  public static Measurements healthy(double requestsPerSecond) {
    return measured(0.001, 80, requestsPerSecond);
  }

  public static Measurements measured(double errorRatio, double p99, double requestsPerSecond) {
    return new Measurements(Duration.ofSeconds(30), new Measurements.Version(new Reading.Value(errorRatio),
        new Reading.Value(p99), new Reading.Value(requestsPerSecond)),
        new Measurements.Version(new Reading.Value(0.001), new Reading.Value(75), new Reading.Value(400)));
  }
}
