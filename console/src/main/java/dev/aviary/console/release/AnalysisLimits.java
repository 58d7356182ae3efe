package dev.aviary.console.release;

/**
 * What a canary must show at each step. Absolute limits hold always; relative ones compare the canary with the stable
 * version over the same window, when the stable version had enough requests to compare with.
 *
 * @param minSuccessRatio     share of requests that must not fail (5xx), e.g. 0.99
 * @param maxP99Millis        p99 latency ceiling in milliseconds
 * @param minRequests         requests the canary must have had in the window, below which nothing is judged
 *                            (Inconclusive)
 * @param maxSuccessDrop      how far the canary's success ratio may fall below the stable's, e.g. 0.01 = one point
 * @param maxLatencyFactor    how many times the stable's p99 the canary's may be
 * @param latencySlackMillis  a p99 within this many milliseconds of the stable's always passes the relative check, so
 *                            that 4 ms against 2 ms is not called twice as slow
 * @param failureLimit        failed analyses tolerated; one more rolls the release back
 * @param inconclusiveLimit   inconclusive analyses in a row tolerated; one more pauses the release
 * @param errorLimit          analyses in a row that could not measure tolerated; one more pauses the release
 */
public record AnalysisLimits(double minSuccessRatio, double maxP99Millis, long minRequests, double maxSuccessDrop,
                             double maxLatencyFactor, double latencySlackMillis, int failureLimit,
                             int inconclusiveLimit, int errorLimit) {

  public static final AnalysisLimits DEFAULTS = new AnalysisLimits(0.99, 500, 50, 0.01, 1.5, 25, 0, 2, 2);

  public AnalysisLimits {
    check(minSuccessRatio >= 0 && minSuccessRatio <= 1, "minSuccessRatio must be between 0 and 1", minSuccessRatio);
    check(maxP99Millis > 0, "maxP99LatencyMs must be positive", maxP99Millis);
    check(minRequests >= 1, "minRequests must be at least 1", minRequests);
    check(maxSuccessDrop >= 0 && maxSuccessDrop <= 1, "maxSuccessDrop must be between 0 and 1", maxSuccessDrop);
    check(maxLatencyFactor >= 1, "maxLatencyFactor must be at least 1", maxLatencyFactor);
    check(latencySlackMillis >= 0, "latencySlackMs must not be negative", latencySlackMillis);
    check(failureLimit >= 0 && inconclusiveLimit >= 0 && errorLimit >= 0, "failure, inconclusive and error limits "
        + "must not be negative", failureLimit + "/" + inconclusiveLimit + "/" + errorLimit);
  }

  private static void check(boolean ok, String rule, Object got) {
    if (!ok) {
      throw new IllegalArgumentException(rule + ", got " + got);
    }
  }
}
