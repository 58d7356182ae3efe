package dev.aviary.console.analysis;

import dev.aviary.console.metrics.Reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fixed-window judge: judges one analysis window, without side effects: "could not measure" (Error) and "too little to judge"
 * (Inconclusive) are decided before any limit is looked at, so a missing figure never passes or fails a canary.
 */
public final class WindowAnalysis {

  private WindowAnalysis() {
  }

  public static AnalysisResult assess(Measurements m, AnalysisLimits limits) {
    Optional<String> unmeasurable = unmeasurable(m.canary(), "canary").or(() -> unmeasurable(m.stable(), "stable"));
    if (unmeasurable.isPresent()) {
      return result(AnalysisResult.Outcome.ERROR, List.of(), "could not measure: " + unmeasurable.get());
    }
    double seconds = m.window().toMillis() / 1000.0;
    Double canaryRequests = value(m.canary().requestRate()).map(rate -> rate * seconds).orElse(null);
    if (canaryRequests == null || canaryRequests < limits.minRequests()) {
      long seen = canaryRequests == null ? 0 : Math.round(canaryRequests);
      return result(AnalysisResult.Outcome.INCONCLUSIVE, List.of(new Check("requests", Check.Unit.COUNT, (double) seen, null,
          ">= " + limits.minRequests(), false)), "too little traffic: the canary had " + seen + " requests in "
          + seconds(seconds) + ", " + limits.minRequests() + " needed");
    }
    Optional<Double> errors = value(m.canary().errorRatio());
    Optional<Double> p99 = value(m.canary().p99Millis());
    if (errors.isEmpty() || p99.isEmpty()) {
      return result(AnalysisResult.Outcome.INCONCLUSIVE, List.of(), "no data: the canary had requests but no "
          + (errors.isEmpty() ? "error ratio" : "p99 latency") + " series");
    }
    List<Check> checks = checks(m, limits, 1 - errors.get(), p99.get(), canaryRequests, seconds);
    List<String> broken = checks.stream().filter(c -> !c.passed()).map(Findings::describe).toList();
    return broken.isEmpty()
        ? result(AnalysisResult.Outcome.SUCCESSFUL, checks, "every limit held")
        : result(AnalysisResult.Outcome.FAILED, checks, String.join("; ", broken));
  }

  private static List<Check> checks(Measurements m, AnalysisLimits limits, double success, double p99,
                                    double requests, double seconds) {
    List<Check> checks = new ArrayList<>();
    Optional<Double> stableRequests = value(m.stable().requestRate()).map(rate -> rate * seconds);
    boolean comparable = stableRequests.filter(r -> r >= limits.minRequests()).isPresent();
    Double stableSuccess = comparable ? value(m.stable().errorRatio()).map(e -> 1 - e).orElse(null) : null;
    Double stableP99 = comparable ? value(m.stable().p99Millis()).orElse(null) : null;
    checks.add(new Check("requests", Check.Unit.COUNT, requests, stableRequests.orElse(null), ">= " + limits.minRequests(), true));
    checks.add(new Check("success ratio", Check.Unit.RATIO, success, stableSuccess, ">= " + Findings.percent(limits.minSuccessRatio()),
        success >= limits.minSuccessRatio()));
    checks.add(new Check("p99 latency", Check.Unit.MILLIS, p99, stableP99, "<= " + Findings.millis(limits.maxP99Millis()),
        p99 <= limits.maxP99Millis()));
    if (stableSuccess != null) {
      double floor = stableSuccess - limits.maxSuccessDrop();
      checks.add(new Check("success ratio vs stable", Check.Unit.RATIO, success, stableSuccess, ">= " + Findings.percent(floor),
          success >= floor));
    }
    if (stableP99 != null) {
      double ceiling = Math.max(stableP99 * limits.maxLatencyFactor(), stableP99 + limits.latencySlackMillis());
      checks.add(new Check("p99 latency vs stable", Check.Unit.MILLIS, p99, stableP99, "<= " + Findings.millis(ceiling), p99 <= ceiling));
    }
    return checks;
  }

  /** Why a version's readings cannot be used, if they cannot: a failed query or a figure that is not a number. */
  private static Optional<String> unmeasurable(Measurements.Version v, String which) {
    for (Reading r : List.of(v.errorRatio(), v.p99Millis(), v.requestRate())) {
      if (r instanceof Reading.Failed failed) {
        return Optional.of(failed.why());
      }
      if (r instanceof Reading.Value value && (Double.isNaN(value.value()) || Double.isInfinite(value.value()))) {
        return Optional.of("the " + which + "'s figures include " + value.value());
      }
    }
    return Optional.empty();
  }

  private static Optional<Double> value(Reading r) {
    return r instanceof Reading.Value v ? Optional.of(v.value()) : Optional.empty();
  }

  private static AnalysisResult result(AnalysisResult.Outcome outcome, List<Check> checks, String summary) {
    return new AnalysisResult(outcome, null, 0, checks, summary, null);
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.0f s", s);
  }
}
