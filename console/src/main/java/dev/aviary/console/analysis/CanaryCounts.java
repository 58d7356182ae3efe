package dev.aviary.console.analysis;

import dev.aviary.console.metrics.Counts;

/**
 * What the canary and the stable version served since the canary started taking traffic, counted; their latency
 * counted from the end of the warm-up ({@link Counts#NONE} while it lasts).
 *
 * @param failure why the counts could not be read, or null
 */
public record CanaryCounts(Counts canary, Counts stable, Counts canaryTimed, Counts stableTimed, boolean warmingUp,
                           String failure) {

  public static CanaryCounts failed(String why) {
    return new CanaryCounts(Counts.NONE, Counts.NONE, Counts.NONE, Counts.NONE, false, why);
  }
}
