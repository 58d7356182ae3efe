package dev.aviary.console.statistics;

import org.apache.commons.numbers.gamma.LogBeta;

/**
 * An anytime-valid confidence sequence for the share {@code p} of trials that are events, from the counts so far.
 *
 * <p>Method: Robbins' method of mixtures (H. Robbins, "Statistical methods related to the law of the iterated
 * logarithm", Ann. Math. Statist. 41, 1970) for a stream of Bernoulli trials with a Beta(1/2, 1/2) (Jeffreys) mixing
 * distribution; the construction is the one in S. R. Howard, A. Ramdas, J. McAuliffe, J. Sekhon, "Time-uniform,
 * nonparametric, nonasymptotic confidence sequences", Ann. Statist. 49(2), 2021, and the sequential tests it gives
 * are those of M. Lindon, C. Sanden, V. Shirikian, "Rapid regression detection in software deployments through
 * sequential testing", KDD 2022. For each candidate share {@code p} the mixture likelihood ratio
 * <pre>
 *   M(p) = integral of prod_i (q/p)^x_i ((1-q)/(1-p))^(1-x_i) dBeta(q; 1/2, 1/2)
 *        = B(1/2 + e, 1/2 + n - e) / (B(1/2, 1/2) p^e (1-p)^(n-e))      (e events among n trials)
 * </pre>
 * is a nonnegative martingale with mean 1 while {@code p} is the true share, so by Ville's inequality the chance that
 * it ever reaches {@code 1/alpha} is at most {@code alpha}. {@code M(p)} is the evidence against {@code p}; the shares
 * it has not reached {@code 1/alpha} for form an interval that holds the true share at every moment at once, however
 * often it is looked at. That is what lets a canary be judged continuously and stopped the moment the evidence is in.
 */
public final class ProportionSequence {

  private static final double PRIOR = 0.5;
  private static final double LOG_B_PRIOR = LogBeta.value(PRIOR, PRIOR);
  private static final int HALVINGS = 64;

  private ProportionSequence() {
  }

  /** {@code ln M(p)}: the log of the evidence the tally holds against the share being {@code p}. */
  public static double logEvidence(Tally tally, double p) {
    return logMixture(tally) + logLikelihoodTerm(tally, p);
  }

  /** The evidence against the share being {@code p}: 1 is none, {@code 1/alpha} rejects at level alpha. */
  public static double evidence(Tally tally, double p) {
    return Math.exp(logEvidence(tally, p));
  }

  /** The shares not rejected at level {@code alpha}: holds the true share at all times with probability 1 - alpha. */
  public static Interval interval(Tally tally, double alpha) {
    return new Interval(lower(tally, alpha), upper(tally, alpha));
  }

  public static double lower(Tally tally, double alpha) {
    // ln M falls from +infinity at 0 to its minimum (<= 0) at the observed share: one crossing to find.
    return tally.events() == 0 ? 0 : crossing(tally, alpha, 0);
  }

  public static double upper(Tally tally, double alpha) {
    return tally.events() == tally.trials() ? 1 : crossing(tally, alpha, 1);
  }

  /** Where {@code ln M} reaches {@code ln(1/alpha)} between the observed share and {@code end}, by halving. */
  private static double crossing(Tally tally, double alpha, double end) {
    double mixture = logMixture(tally);
    double bound = Math.log(1 / alpha);
    double inside = tally.share();
    double outside = end;
    for (int i = 0; i < HALVINGS; i++) {
      double mid = (inside + outside) / 2;
      if (mixture + logLikelihoodTerm(tally, mid) >= bound) {
        outside = mid;
      } else {
        inside = mid;
      }
    }
    return outside;
  }

  /**
   * Whether the share is shown to be above {@code p} at level {@code alpha}, i.e. the interval lies wholly above it.
   * Cheaper than {@link #lower}: one evaluation, as {@code M} only grows away from the observed share.
   */
  public static boolean above(Tally tally, double p, double alpha) {
    return tally.trials() > 0 && tally.share() > p && logEvidence(tally, p) >= Math.log(1 / alpha);
  }

  /** Whether the share is shown to be below {@code p} at level {@code alpha}. */
  public static boolean below(Tally tally, double p, double alpha) {
    return tally.trials() > 0 && tally.share() < p && logEvidence(tally, p) >= Math.log(1 / alpha);
  }

  private static double logMixture(Tally tally) {
    return LogBeta.value(PRIOR + tally.events(), PRIOR + tally.trials() - tally.events()) - LOG_B_PRIOR;
  }

  /** {@code -(e ln p + (n-e) ln(1-p))}, with 0 ln 0 read as 0 so that shares of exactly 0 and 1 work. */
  private static double logLikelihoodTerm(Tally tally, double p) {
    double events = tally.events();
    double others = tally.trials() - events;
    return -(events == 0 ? 0 : events * Math.log(p)) - (others == 0 ? 0 : others * Math.log1p(-p));
  }
}
