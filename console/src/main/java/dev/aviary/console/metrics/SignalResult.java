package dev.aviary.console.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * One signal for every service and version, from one query.
 *
 * @param failure why the whole query failed, or null when it was answered
 */
public record SignalResult(Signal signal, Instant at, Map<SeriesKey, Reading> readings, String failure) {

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
    return r != null ? r : new Reading.NoData("no " + signal.label() + " series for " + key.service() + " "
        + key.version());
  }
}
