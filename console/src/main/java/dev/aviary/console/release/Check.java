package dev.aviary.console.release;

import java.util.Locale;

/**
 * One comparison in an analysis, as the operator reads it: the canary's figure, the stable's over the same window
 * (null when there is none), the limit it was held to, and whether it held.
 *
 * @param unit what the figures count, so they are shown as a percentage, milliseconds or a number
 */
public record Check(String metric, Unit unit, Double canary, Double stable, String limit, boolean passed) {

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
