package dev.aviary.console.health;

import dev.aviary.console.metrics.Reading;
import dev.aviary.console.metrics.SeriesKey;
import dev.aviary.console.metrics.Signal;
import dev.aviary.console.metrics.SignalResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest golden signals for all services, and how fresh they are.
 *
 * @param source    where they come from, for the operator
 * @param simulated made up by the sandbox's traffic model rather than measured
 * @param readAt    when they were read; null before the first read
 * @param results   the latest result per signal
 * @param lastGood  when every signal was last read without failure; null if never
 */
public record Signals(String source, boolean simulated, Instant readAt, Map<Signal, SignalResult> results,
                      Instant lastGood) {

  public Signals {
    results = Map.copyOf(results);
  }

  public Reading reading(Signal signal, SeriesKey key) {
    SignalResult r = results.get(signal);
    return r == null ? new Reading.NoData("not read yet") : r.reading(key);
  }

  /** Series the source has but no service can be told from (a missing service label); empty when there are none. */
  public Optional<String> unlabelled() {
    return results.values().stream().map(SignalResult::unlabelled).filter(Objects::nonNull)
        .map(SignalResult.Unlabelled::describe).distinct().reduce((a, b) -> a + "; " + b);
  }

  /**
   * Why the latest read failed, naming each signal that failed; signals that failed for the same reason (Prometheus
   * unreachable fails them all) share one line. Empty when all were answered.
   */
  public Optional<String> failure() {
    if (readAt == null) {
      return Optional.of("metrics not read yet");
    }
    Map<String, List<String>> signalsByReason = new LinkedHashMap<>();
    results.values().stream().filter(r -> !r.ok()).sorted(Comparator.comparing(SignalResult::signal))
        .forEach(r -> signalsByReason.computeIfAbsent(reason(r), k -> new ArrayList<>()).add(r.signal().label()));
    return signalsByReason.entrySet().stream().map(e -> String.join(", ", e.getValue()) + ": " + e.getKey())
        .reduce((a, b) -> a + "; " + b);
  }

  private static String reason(SignalResult failed) {
    String prefix = failed.signal().label() + ": ";
    return failed.failure().startsWith(prefix) ? failed.failure().substring(prefix.length()) : failed.failure();
  }

  /**
   * Why the latest read failed; empty while nothing has been read yet (not known to be unavailable, only not read)
   * and when all were answered. What on-call is told about and the overview shows as an error.
   */
  public Optional<String> unavailable() {
    return readAt == null ? Optional.empty() : failure();
  }
}
