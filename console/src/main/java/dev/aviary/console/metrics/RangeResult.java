package dev.aviary.console.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A signal over time for one service, per version; a point without a value (NaN) is a gap, never a zero.
 *
 * @param failure why the query failed, or null when it was answered
 */
public record RangeResult(Signal signal, String service, Map<String, List<Point>> byVersion, String failure) {

  public record Point(Instant at, double value) {
  }

  public RangeResult {
    byVersion = Map.copyOf(byVersion);
  }

  public static RangeResult failed(Signal signal, String service, String why) {
    return new RangeResult(signal, service, Map.of(), why);
  }

  public boolean ok() {
    return failure == null;
  }
}
