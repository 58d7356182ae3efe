package dev.aviary.console.statistics;

/**
 * How many of some trials were events: failed requests among requests, requests slower than a bound among those
 * timed. Counts may be fractional, as Prometheus' {@code increase()} extrapolates to the edges of its window.
 */
public record Tally(double events, double trials) {

  public static final Tally NONE = new Tally(0, 0);

  public Tally {
    if (!(trials >= 0) || !(events >= 0) || Double.isInfinite(trials)) {
      throw new IllegalArgumentException("a tally needs finite, non-negative counts, got " + events + " of " + trials);
    }
    // Errors and requests are separate series scraped at slightly different moments: after extrapolation a version
    // failing everything can show a hair more errors than requests.
    events = Math.min(events, trials);
  }

  /** The share of trials that were events; NaN when there were no trials. */
  public double share() {
    return trials == 0 ? Double.NaN : events / trials;
  }
}
