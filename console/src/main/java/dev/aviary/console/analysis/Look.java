package dev.aviary.console.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One point of a sequential judgment's trail, for the Releases page's chart: the counts since the canary started and
 * the strongest evidence of any check at that moment, as a share of the evidence that decides (1 rolls back).
 */
public record Look(Instant at, double canaryRequests, double canaryErrors, double stableRequests, double stableErrors,
                   double evidence) {

  /** How many points a trail keeps: enough for a chart, small enough for a status written every few seconds. */
  public static final int KEPT = 120;

  public static Look of(AnalysisResult result, CanaryCounts counts) {
    double evidence = result.checks().stream().filter(c -> c.evidence() != null)
        .mapToDouble(c -> Math.min(1e6, c.evidence().value() / c.evidence().needed())).max().orElse(0);
    return new Look(result.at(), counts.canary().requests(), counts.canary().errors(), counts.stable().requests(),
        counts.stable().errors(), evidence);
  }

  /**
   * The trail with {@code look} added; past {@link #KEPT} points every other older point is dropped, so a long
   * release keeps its whole course at a coarser grain and the latest look always.
   */
  public static List<Look> append(List<Look> trail, Look look) {
    List<Look> out = new ArrayList<>(trail);
    out.add(look);
    if (out.size() <= KEPT) {
      return out;
    }
    List<Look> thinned = new ArrayList<>();
    for (int i = 0; i < out.size() - 1; i += 2) {
      thinned.add(out.get(i));
    }
    thinned.add(out.getLast());
    return thinned;
  }

  public double canaryErrorRatio() {
    return canaryRequests > 0 ? canaryErrors / canaryRequests : Double.NaN;
  }

  public double stableErrorRatio() {
    return stableRequests > 0 ? stableErrors / stableRequests : Double.NaN;
  }
}
