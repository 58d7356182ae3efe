package dev.aviary.console.statistics;

/**
 * Whether a new version's share of events (failed requests, slow requests) is above {@code factor} times an old
 * version's, judged on both versions' counts since the new one started, and by how much: anytime-valid, so it may be
 * asked after every request.
 *
 * <p>Each share gets a {@link ProportionSequence} at level {@code alpha/2}. The new version is shown worse when its
 * interval lies wholly above {@code factor} times the old one's upper end; while the old share is in its interval
 * (probability at least 1 - alpha/2 at all times) that can only happen if the new share is outside its own
 * (probability at most alpha/2), so a new version no worse than {@code factor} times the old is called worse with
 * probability at most alpha, however often it is looked at. The two streams are not assumed to get fixed shares of
 * the traffic, which lets the weights change from step to step. The difference's interval
 * {@code [lower_new - factor upper_old, upper_new - factor lower_old]} holds by the same union bound.
 *
 * @param alpha the chance, over the whole release, of calling a new version worse when it is not
 */
public record Comparison(Tally candidate, Tally baseline, double factor, double alpha) {

  public Comparison {
    if (!(factor >= 1) || !(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("a comparison needs factor >= 1 and 0 < alpha < 1, got " + factor + ", "
          + alpha);
    }
  }

  /** The candidate is shown to be worse than {@code factor} times the baseline. */
  public boolean worse() {
    double share = candidate.share();
    if (!(share > factor * baseline.share())) {
      return false;
    }
    // Before solving for the baseline's upper end: M only falls towards the candidate's share, so if it is below the
    // bound at factor times the baseline's observed share, it is below it at factor times any upper end too.
    if (baseline.trials() > 0 && !ProportionSequence.above(candidate, factor * baseline.share(), alpha / 2)) {
      return false;
    }
    return ProportionSequence.above(candidate, ceiling(), alpha / 2);
  }

  /**
   * The evidence that the candidate is worse: its {@link ProportionSequence} evidence against the highest share the
   * baseline leaves possible (times the factor), or 1 (none) while its own share is not above that. It is worse once
   * this reaches {@link #needed()}.
   */
  public double evidence() {
    double ceiling = ceiling();
    return candidate.trials() > 0 && candidate.share() > ceiling ? ProportionSequence.evidence(candidate, ceiling)
        : 1;
  }

  /** The evidence at which the candidate is called worse: {@code 2/alpha}. */
  public double needed() {
    return 2 / alpha;
  }

  /** Where {@code share(candidate) - factor * share(baseline)} lies, at level alpha, at all times. */
  public Interval difference() {
    Interval c = ProportionSequence.interval(candidate, alpha / 2);
    Interval b = ProportionSequence.interval(baseline, alpha / 2);
    return new Interval(c.lower() - factor * b.upper(), c.upper() - factor * b.lower());
  }

  private double ceiling() {
    return Math.min(1, factor * ProportionSequence.upper(baseline, alpha / 2));
  }
}
