package dev.aviary.console.analysis;

import java.util.Locale;

/**
 * One comparison in an analysis, as the operator reads it: the canary's figure, the stable's over the same window
 * (null when there is none), the limit it was held to, and whether it held.
 *
 * @param unit     what the figures count, so they are shown as a percentage, milliseconds or a number
 * @param evidence how far a sequential test has got (null for the fixed-window judge)
 */
public record Check(String metric, Unit unit, Double canary, Double stable, String limit, boolean passed,
                    Evidence evidence) {

  /** What a sequential check decided so far. */
  public enum Verdict {
    /** Shown to break its limit: rolls the release back. */
    WORSE,
    /** Shown to be within its limit: lets the step pass once its time is up. */
    FINE,
    /** Neither yet: too few requests, or too little difference either way. */
    UNDECIDED
  }

  /**
   * A sequential check's state: the evidence that the canary breaks the limit against the evidence needed to say so,
   * the estimated quantity with its anytime-valid interval, and the requests counted.
   *
   * @param difference whether the estimate is the canary's share less the stable's (times the factor), rather than
   *                   the canary's share itself
   */
  public record Evidence(Verdict verdict, double value, double needed, double estimate, double low, double high,
                         double counted, Boolean difference) {

    public Evidence {
      // Statuses stored before the field existed read their estimates as shares.
      difference = Boolean.TRUE.equals(difference);
    }
  }

  /** A figure of the sequential estimate (the estimate or a bound of its interval) written in the check's unit. */
  public String estimated(double value) {
    String figure = unit.format(value);
    return evidence != null && evidence.difference() && value >= 0 ? "+" + figure : figure;
  }

  public Check(String metric, Unit unit, Double canary, Double stable, String limit, boolean passed) {
    this(metric, unit, canary, stable, limit, passed, null);
  }

  /** How a check's figures are measured and written. */
  public enum Unit {
    COUNT, RATIO, MILLIS;

    public String format(double value) {
      return switch (this) {
        case COUNT -> String.valueOf(Math.round(value));
        case RATIO -> String.format(Locale.ROOT, "%.2f%%", value * 100);
        case MILLIS -> String.format(Locale.ROOT, "%.0f ms", value);
      };
    }
  }

  public Check {
    // Statuses stored before the unit existed read as counts rather than failing to load.
    unit = unit == null ? Unit.COUNT : unit;
  }
}
