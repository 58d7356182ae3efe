package dev.aviary.console.analysis;

/**
 * What a canary must show. Absolute limits hold always; relative ones compare the canary with the stable version.
 * The {@link Judgment#method() sequential} judge tests each on the counts since the canary started taking traffic;
 * the fixed-window judge on each step's last window alone. Where the two read a limit differently, both are given.
 *
 * @param minSuccessRatio     share of requests that must not fail (5xx), e.g. 0.99; sequential: a step passes once
 *                            the canary's error ratio is shown to be within 1 - this, it rolls back once shown beyond
 * @param maxP99Millis        p99 latency ceiling in milliseconds; sequential: at most 1% of requests slower than the
 *                            latency histogram's first bound at or above it
 * @param minRequests         requests the canary must have had (in the window; sequential: since it started) before
 *                            a step can pass
 * @param maxSuccessDrop      how far the canary's success ratio may fall below the stable's, e.g. 0.01 = one point;
 *                            sequential: a step passes once the difference is shown to be within this, and the canary
 *                            rolls back once its error ratio is shown to be above the stable's at all
 * @param maxLatencyFactor    window: how many times the stable's p99 the canary's may be; sequential: how many times
 *                            the stable's share of requests slower than each histogram bound the canary's may be
 * @param latencySlackMillis  window: a p99 within this many milliseconds of the stable's always passes the relative
 *                            check, so that 4 ms against 2 ms is not called twice as slow; sequential: histogram
 *                            bounds below this are not compared
 * @param failureLimit        window: failed analyses tolerated; one more rolls the release back (sequential: a finding
 *                            is final, as the chance of a wrong one is already bounded)
 * @param inconclusiveLimit   window: inconclusive analyses in a row tolerated; one more pauses the release
 *                            (sequential: {@link Judgment#decisionTimeout()})
 * @param errorLimit          analyses in a row that could not measure tolerated; one more pauses the release
 * @param judgment            how the limits are judged
 */
public record AnalysisLimits(double minSuccessRatio, double maxP99Millis, long minRequests, double maxSuccessDrop,
                             double maxLatencyFactor, double latencySlackMillis, int failureLimit,
                             int inconclusiveLimit, int errorLimit, Judgment judgment) {

  public static final AnalysisLimits DEFAULTS = new AnalysisLimits(0.99, 500, 50, 0.01, 1.5, 25, 0, 2, 2,
      Judgment.DEFAULTS);

  public AnalysisLimits {
    check(minSuccessRatio >= 0 && minSuccessRatio <= 1, "minSuccessRatio must be between 0 and 1", minSuccessRatio);
    check(maxP99Millis > 0, "maxP99LatencyMs must be positive", maxP99Millis);
    check(minRequests >= 1, "minRequests must be at least 1", minRequests);
    check(maxSuccessDrop >= 0 && maxSuccessDrop <= 1, "maxSuccessDrop must be between 0 and 1", maxSuccessDrop);
    check(maxLatencyFactor >= 1, "maxLatencyFactor must be at least 1", maxLatencyFactor);
    check(latencySlackMillis >= 0, "latencySlackMs must not be negative", latencySlackMillis);
    check(failureLimit >= 0 && inconclusiveLimit >= 0 && errorLimit >= 0, "failure, inconclusive and error limits "
        + "must not be negative", failureLimit + "/" + inconclusiveLimit + "/" + errorLimit);
    check(judgment != null, "judgment must be given", judgment);
  }

  public boolean sequential() {
    return judgment.method() == Judgment.Method.SEQUENTIAL;
  }

  private static void check(boolean ok, String rule, Object got) {
    if (!ok) {
      throw new IllegalArgumentException(rule + ", got " + got);
    }
  }
}
